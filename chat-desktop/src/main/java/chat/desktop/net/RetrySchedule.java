package chat.desktop.net;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When the next reconnect attempt runs: after a {@link Backoff} wait that grows with each failed attempt, or at
 * once when the user asks ("Reconnect now"). Everything but {@link #skipWait} runs on the connection's
 * scheduler thread, which is also where the attempts run.
 */
final class RetrySchedule {
  private final Backoff backoff;
  private final ScheduledExecutorService scheduler;
  private int failedAttempts; // scheduler thread
  private ScheduledFuture<?> waiting; // scheduler thread
  private Runnable attempt; // scheduler thread

  RetrySchedule(Backoff backoff, ScheduledExecutorService scheduler) {
    this.backoff = backoff;
    this.scheduler = scheduler;
  }

  /** Scheduler thread: an attempt failed (or the socket dropped); {@code next} runs after the returned wait. */
  Duration afterFailure(Runnable next) {
    Duration wait = backoff.delay(failedAttempts++);
    attempt = next;
    try {
      waiting = scheduler.schedule(next, wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      waiting = null; // closed: no more attempts
    }
    return wait;
  }

  /** Scheduler thread: back online; the next drop starts the backoff from its shortest wait. */
  void succeeded() {
    failedAttempts = 0;
  }

  /** Any thread: runs the waiting attempt now instead of after its wait; nothing when none is waiting. */
  void skipWait() {
    try {
      scheduler.execute(() -> {
        if (waiting != null && waiting.cancel(false)) {
          waiting = null;
          attempt.run();
        }
      });
    } catch (RejectedExecutionException e) {
      // closed: nothing to retry
    }
  }
}
