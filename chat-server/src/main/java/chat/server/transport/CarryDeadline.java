package chat.server.transport;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.java_websocket.WebSocketImpl;

/**
 * Bounds the wait of frames that a busy pass carried over to the next pass end ({@link PassEndWrites}): that
 * pass end normally follows soon, because a busy selector has more to read, but if the traffic stops there, a
 * timer wakes the selector once the frames have waited {@code max}. A selector still at work is left to end its
 * pass: waking it would end the pass early and write every frame listed so far, one pass's worth each. The
 * selector reports each carry and each pass end without one; the timer thread only reads what it reported.
 */
final class CarryDeadline {
  private final ScheduledExecutorService scheduler;
  private final long maxNanos;
  /** Wakes the selector through one connection whose frames were carried. */
  private final Consumer<WebSocketImpl> wake;
  private final BooleanSupplier selectorAtWork;
  private final AtomicBoolean checkArmed = new AtomicBoolean();
  private volatile boolean waiting;
  private volatile long carriedAtNanos;
  private volatile WebSocketImpl carriedConnection;

  CarryDeadline(ScheduledExecutorService scheduler, Duration max, Consumer<WebSocketImpl> wake,
      BooleanSupplier selectorAtWork) {
    this.scheduler = scheduler;
    this.maxNanos = max.toNanos();
    this.wake = wake;
    this.selectorAtWork = selectorAtWork;
  }

  /** False when frames may not wait at all ({@code max} 0): nothing is carried. */
  boolean isEnabled() {
    return maxNanos > 0;
  }

  /** Called by the selector when a pass end carried frames over, {@code anyCarried}'s among them. */
  void carried(WebSocketImpl anyCarried) {
    carriedConnection = anyCarried;
    carriedAtNanos = System.nanoTime();
    waiting = true;
    if (checkArmed.compareAndSet(false, true)) {
      checkIn(maxNanos);
    }
  }

  /** Called by the selector when a pass end carried nothing: whatever waited is written. */
  void cleared() {
    if (waiting) {
      waiting = false;
    }
  }

  private void checkIn(long nanos) {
    try {
      scheduler.schedule(this::check, nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      checkArmed.set(false); // shutting down: every connection is being closed
    }
  }

  private void check() {
    checkArmed.set(false);
    if (!waiting) {
      return;
    }
    long left = maxNanos - (System.nanoTime() - carriedAtNanos);
    if (left <= 0 && !selectorAtWork.getAsBoolean()) {
      wake.accept(carriedConnection);
    }
    // Look again: after a wake in case it did not end a pass, else for frames a later pass carried.
    if (checkArmed.compareAndSet(false, true)) {
      checkIn(left <= 0 ? maxNanos : left);
    }
  }
}
