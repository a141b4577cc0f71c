package chat.server.transport;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path's one timer: a thread that sleeps until the waiting frames' deadline, then runs the task that
 * hands them to the selector. There is only ever one deadline. The selector moves it at each pass end that leaves
 * frames waiting and clears it at one that leaves none; neither wakes the thread unless the deadline comes sooner
 * than the one the thread sleeps for, and a deadline a pass end has dealt with wakes nobody but this thread, once.
 * (A scheduled executor runs every task it is given, and each stale one woke the selector too; see
 * docs/decisions/0011-one-write-path.md.)
 */
final class WriteDeadline implements WriteScheduler.Deadline {
  private static final Logger log = LoggerFactory.getLogger(WriteDeadline.class);

  private static final long NONE = Long.MAX_VALUE;

  private record Due(long nanos, Runnable task) {}

  private final AtomicReference<Due> next = new AtomicReference<>();
  private final Thread thread;
  /**
   * When the thread wakes next by itself ({@link #NONE}: only when woken). Written by the thread before it looks
   * at {@link #next} for the last time, read by a setter after it wrote {@link #next}: either the thread sees the
   * new deadline or the setter sees that the thread sleeps past it and wakes it.
   */
  private volatile long wakesAt = NONE;
  private volatile boolean closed;

  WriteDeadline(String threadName) {
    thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** From now on nothing runs; the thread ends. */
  void close() {
    closed = true;
    next.set(null);
    LockSupport.unpark(thread);
  }

  /**
   * {@code dueNanos} is on {@link System#nanoTime()}'s clock. A deadline later than the one the thread sleeps for
   * wakes nobody now: the thread finds it when it wakes, and sleeps on.
   */
  @Override
  public boolean set(long dueNanos, Runnable task) {
    if (closed) {
      return false;
    }
    next.set(new Due(dueNanos, task));
    if (dueNanos < wakesAt) {
      LockSupport.unpark(thread);
    }
    return true;
  }

  @Override
  public void clear() {
    next.set(null);
  }

  private void run() {
    while (!closed) {
      Due due = next.get();
      wakesAt = due == null ? NONE : due.nanos();
      if (next.get() != due) {
        continue; // moved meanwhile, perhaps by a setter that saw the old wakesAt
      }
      if (due == null) {
        LockSupport.park(this);
        continue;
      }
      long left = due.nanos() - System.nanoTime();
      if (left > 0) {
        LockSupport.parkNanos(this, left);
      } else if (next.compareAndSet(due, null)) {
        runTask(due.task());
      }
    }
  }

  private void runTask(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("The write deadline's task failed", e); // the thread carries on: the next deadline must run
    }
  }
}
