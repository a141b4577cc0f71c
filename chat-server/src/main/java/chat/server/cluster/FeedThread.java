package chat.server.cluster;

import chat.server.store.OutcomeRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RoomFeed}'s one thread: work runs on it one piece at a time, and whatever a piece hands on goes,
 * in one batch and in order, to the {@link OutcomeRunner} (the selector), or runs here when there is none.
 */
final class FeedThread implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeedThread.class);

  private final ScheduledExecutorService executor;
  private final OutcomeRunner outcomes;
  private final List<Runnable> handedOn = new ArrayList<>();

  FeedThread(ScheduledExecutorService executor, OutcomeRunner outcomes) {
    this.executor = executor;
    this.outcomes = outcomes;
  }

  /** Runs the work on the feed's thread, from any thread; nothing runs once closing. */
  void execute(Runnable work) {
    try {
      executor.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          log.error("The cluster feed failed", e); // a bug; the feed must go on for every other room
        }
        flush();
      });
    } catch (RejectedExecutionException e) {
      // closing: nothing more is handed on
    }
  }

  void later(Duration delay, Runnable work) {
    try {
      executor.schedule(() -> execute(work), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  void every(Duration period, Runnable work) {
    executor.scheduleWithFixedDelay(() -> execute(work), period.toMillis(), period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** On the feed's thread: runs after the current piece of work, in order, on the outcome runner. */
  void handOn(Runnable outcome) {
    handedOn.add(outcome);
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void flush() {
    if (handedOn.isEmpty()) {
      return;
    }
    List<Runnable> batch = List.copyOf(handedOn);
    handedOn.clear();
    Runnable all = () -> {
      for (Runnable one : batch) {
        try {
          one.run();
        } catch (RuntimeException e) {
          log.error("A room's outcome failed", e);
        }
      }
    };
    if (!outcomes.runInOrder(all)) {
      all.run();
    }
  }
}
