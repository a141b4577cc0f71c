package chat.server.transport;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether the selector thread is saturated: how much of the last few milliseconds it spent on the CPU. Under load,
 * letting room frames wait merges writes and is what keeps the server from falling behind; on a server that
 * idles between messages, waiting only adds latency. Read on the selector thread only.
 */
final class SelectorLoad {
  static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  /** This share of a window on the CPU counts as saturated. */
  static final double SATURATED_SHARE = 0.7;

  private final LongSupplier threadCpuNanos;
  private long windowStartNanos;
  private long cpuAtWindowStart;
  private boolean saturated;

  /** {@code threadCpuNanos}: the calling thread's CPU time (the selector's, since only it asks). */
  SelectorLoad(LongSupplier threadCpuNanos, long nowNanos) {
    this.threadCpuNanos = threadCpuNanos;
    this.windowStartNanos = nowNanos;
    this.cpuAtWindowStart = threadCpuNanos.getAsLong();
  }

  /** The selector thread's own CPU clock; where the JVM has none, the load counts as saturated, always. */
  static LongSupplier selectorCpuClock() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      return System::nanoTime;
    }
    return threads::getCurrentThreadCpuTime;
  }

  /** True when the last full window (ending at most one window before {@code nowNanos}) was saturated. */
  boolean isSaturated(long nowNanos) {
    long elapsed = nowNanos - windowStartNanos;
    if (elapsed >= WINDOW_NANOS) {
      long cpu = threadCpuNanos.getAsLong();
      saturated = cpu - cpuAtWindowStart >= SATURATED_SHARE * elapsed;
      windowStartNanos = nowNanos;
      cpuAtWindowStart = cpu;
    }
    return saturated;
  }
}
