package chat.server.store;

import chat.server.config.ServerConfig;
import chat.server.config.StoreKind;
import chat.server.metrics.StoreMetrics;
import chat.server.room.RoomLog;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The configured history: its store, the room log over it and the retention pruner, opened together and closed
 * in order (the log drains its pending writes before the store closes). SQLite gets a writer thread and a
 * reader thread for pages; memory needs neither.
 */
public final class HistoryStorage implements AutoCloseable {
  private final HistoryStore store;
  private final GroupCommitLog log;
  private final HistoryPruner pruner;
  private final ExecutorService pages;

  private HistoryStorage(HistoryStore store, GroupCommitLog log, HistoryPruner pruner, ExecutorService pages) {
    this.store = store;
    this.log = log;
    this.pruner = pruner;
    this.pages = pages;
  }

  /**
   * Opens the store the configuration names; a refusal's message is one sentence for the operator.
   * A writer thread runs its batches' outcomes on {@code outcomes}; {@code metrics} counts commits and failures.
   */
  public static HistoryStorage open(ServerConfig config, Clock clock, OutcomeRunner outcomes, StoreMetrics metrics)
      throws StoreException {
    HistoryStore store = config.store() == StoreKind.SQLITE
        ? SqliteHistoryStore.open(config.dataDir(), config.fsync()) : new MemoryHistoryStore();
    return over(store, config.store() == StoreKind.SQLITE, config, clock, outcomes, metrics);
  }

  /**
   * The log and pruner over a store opened by the caller, which this then owns; {@code threaded}: commits on a
   * writer thread (a store that waits on a disk) whose outcomes run on {@code outcomes}, else on the caller's
   * thread.
   */
  public static HistoryStorage over(HistoryStore store, boolean threaded, ServerConfig config, Clock clock,
      OutcomeRunner outcomes, StoreMetrics metrics) throws StoreException {
    GroupCommitLog.LogSettings settings = new GroupCommitLog.LogSettings(
        Math.min(config.historyLimit(), Math.max(config.historyOnJoin(), 256)), config.maxRecovery(),
        config.dedupWindow());
    ExecutorService pages = null;
    try {
      GroupCommitLog log;
      if (threaded) {
        pages = Executors.newSingleThreadExecutor(DaemonThreads.named("chat-history-reader"));
        log = GroupCommitLog.threaded(store, settings, clock, pages, outcomes, metrics);
      } else {
        log = GroupCommitLog.inline(store, settings, clock, metrics);
      }
      HistoryPruner pruner = new HistoryPruner(store, log, new HistoryPruner.Retention(config.historyLimit(),
          config.historyMaxAge(), config.dedupWindow()), clock, metrics);
      pruner.start();
      return new HistoryStorage(store, log, pruner, pages);
    } catch (StoreException | RuntimeException e) {
      if (pages != null) {
        pages.shutdownNow();
      }
      store.close();
      throw e;
    }
  }

  public RoomLog log() {
    return log;
  }

  /** E.g. {@code sqlite /srv/chat/data/chat.db}, or {@code memory}. */
  public String describe() {
    return store.describe();
  }

  /** Null while writes succeed; else what failed, for {@code /healthz}. */
  public String problem() {
    return log.problem();
  }

  /** Drains pending writes, then closes the store. */
  @Override
  public void close() {
    pruner.close();
    log.close();
    if (pages != null) {
      pages.shutdown();
      try {
        pages.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    store.close();
  }
}
