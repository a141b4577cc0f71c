package chat.server.store;

import chat.server.metrics.StoreMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention in the background: every {@link #INTERVAL} (and once at start) deletes what {@code --history-limit},
 * {@code --history-max-age} and {@code --dedup-window} no longer keep, on its own thread, never on the send path,
 * and tells the log where each room's history now starts (so a resume from before that is not "recovered").
 */
public final class HistoryPruner implements AutoCloseable {
  static final Duration INTERVAL = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(HistoryPruner.class);

  private final HistoryStore store;
  private final GroupCommitLog roomLog;
  private final Retention retention;
  private final Clock clock;
  private final StoreMetrics metrics;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
      DaemonThreads.named("chat-history-pruner"));

  /** What retention keeps: messages per room, their age, and how long a send's client id is remembered. */
  public record Retention(int perRoom, Duration maxAge, Duration dedupWindow) {}

  /** {@code metrics} counts the passes that fail. */
  public HistoryPruner(HistoryStore store, GroupCommitLog roomLog, Retention retention, Clock clock,
      StoreMetrics metrics) {
    this.store = store;
    this.roomLog = roomLog;
    this.retention = retention;
    this.clock = clock;
    this.metrics = metrics;
  }

  public void start() {
    thread.scheduleWithFixedDelay(this::pruneQuietly, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One pass, now, on the caller's thread (tests, and the scheduled runs). */
  public long prune() throws StoreException {
    long now = clock.millis();
    long deleted = store.prune(retention.perRoom(), now - retention.maxAge().toMillis(),
        now - retention.dedupWindow().toMillis());
    store.rooms().forEach((room, state) -> roomLog.retainedFrom(room, state.firstId()));
    return deleted;
  }

  private void pruneQuietly() {
    try {
      long deleted = prune();
      if (deleted > 0) {
        log.debug("Retention deleted {} messages", deleted);
      }
    } catch (StoreException e) {
      metrics.failed(StoreMetrics.Operation.PRUNE);
      log.warn("Pruning the history failed; will try again in {}: {}", INTERVAL, e.getMessage());
    } catch (RuntimeException e) {
      log.error("Pruning the history failed", e); // a periodic task that throws is never run again
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
