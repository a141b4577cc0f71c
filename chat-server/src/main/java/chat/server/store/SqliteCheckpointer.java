package chat.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL into {@code chat.db} on its own thread and connection, so that the writer's commits never pay
 * for it. SQLite's automatic checkpoint runs inside the commit that crosses its threshold and doubled the time
 * of a busy writer's commits; the writer keeps it only as a far bound ({@link SqliteOpener#WRITER_CHECKPOINT_PAGES}),
 * and this runs a passive checkpoint (one that never waits for readers or the writer) soon after commits.
 */
final class SqliteCheckpointer implements AutoCloseable {
  static final long INTERVAL_MILLIS = 500;
  private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointer.class);

  private final Connection connection;
  private final AtomicBoolean written = new AtomicBoolean();
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
      DaemonThreads.named("chat-history-checkpoint"));

  SqliteCheckpointer(Path database) throws SQLException {
    this.connection = SqliteOpener.openCheckpointer(database);
    thread.scheduleWithFixedDelay(this::checkpointIfWritten, INTERVAL_MILLIS, INTERVAL_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /** A commit happened: the next round checkpoints. */
  void written() {
    written.set(true);
  }

  private void checkpointIfWritten() {
    if (!written.getAndSet(false)) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (SQLException e) {
      LOG.warn("Checkpointing the history's WAL failed (the writer's own checkpoint still bounds it): {}",
          SqliteErrors.describe(e));
    }
  }

  /** Stops the thread; the store's last connection to close does the final checkpoint. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    SqliteOpener.closeQuietly(connection);
  }
}
