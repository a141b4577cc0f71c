package chat.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one write connection (SQLite allows one writer at a time), shared by the log's commits and the
 * pruning thread: each {@link #transaction} holds it alone, from the first statement to the commit or rollback.
 */
final class SqliteWriteConnection implements AutoCloseable {
  /** Work done inside a transaction; throwing rolls all of it back. */
  interface Work<T> {
    T run() throws SQLException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(SqliteWriteConnection.class);

  private final Connection connection;
  private final String name;
  // Fair, so that a commit waiting while pruning works through its chunks gets the connection next.
  private final ReentrantLock lock = new ReentrantLock(true);
  private boolean closed; // guarded by lock

  /** {@code connection} must not be in auto-commit mode; {@code name} starts failure messages. */
  SqliteWriteConnection(Connection connection, String name) {
    this.connection = connection;
    this.name = name;
  }

  PreparedStatement prepare(String sql) throws SQLException {
    return connection.prepareStatement(sql);
  }

  /**
   * Runs {@code work} and commits it; on any failure rolls it back, so the next transaction starts clean.
   * {@code what} completes "could not ..." in the failure's message.
   */
  <T> T transaction(String what, Work<T> work) throws StoreException {
    return transaction(what, work, true);
  }

  /** {@link #transaction} whose work decides: true commits it, false rolls all of it back. */
  boolean transactionIf(String what, Work<Boolean> work) throws StoreException {
    return transaction(what, work, false);
  }

  private <T> T transaction(String what, Work<T> work, boolean always) throws StoreException {
    lock.lock();
    try {
      if (closed) {
        throw new StoreException("The history store " + name + " is closed.");
      }
      try {
        T result = work.run();
        if (always || Boolean.TRUE.equals(result)) {
          connection.commit();
        } else {
          connection.rollback();
        }
        return result;
      } catch (SQLException e) {
        rollback(e);
        throw new StoreException("The history store " + name + " could not " + what
            + " (nothing of it was kept): " + SqliteErrors.describe(e) + ".", e);
      } catch (RuntimeException e) {
        rollback(e);
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits for the transaction under way, then closes the connection and its statements; idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Could not close {} cleanly: {}", name, SqliteErrors.describe(e));
    } finally {
      lock.unlock();
    }
  }

  private void rollback(Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // Some errors (disk full, I/O) end the transaction inside SQLite already; the driver then never got to
      // open the next one, so open it here or the next batch would run statement by statement.
      failure.addSuppressed(e);
      restartTransaction(failure);
    }
  }

  private void restartTransaction(Exception failure) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN");
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
