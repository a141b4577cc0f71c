package chat.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Read connections for any thread. A read borrows an idle {@link SqliteReader} or opens another, so the log's
 * reader thread, its writer thread and pruning never wait for one another; the pool holds as many as were
 * ever busy at once (a handful).
 */
final class SqliteReaderPool implements AutoCloseable {
  /** A read done with a borrowed reader. */
  interface Read<T> {
    T run(SqliteReader reader) throws SQLException;
  }

  private final Path database;
  private final String name;
  private final Deque<SqliteReader> idle = new ArrayDeque<>(); // guarded by this
  private boolean closed; // guarded by this

  SqliteReaderPool(Path database, String name) {
    this.database = database;
    this.name = name;
  }

  <T> T read(String what, Read<T> read) throws StoreException {
    SqliteReader reader = borrow(what);
    try {
      return read.run(reader);
    } catch (SQLException e) {
      throw failed(what, e);
    } finally {
      giveBack(reader);
    }
  }

  /** Closes the idle readers now and the busy ones when they come back; idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    idle.forEach(SqliteReader::close);
    idle.clear();
  }

  private SqliteReader borrow(String what) throws StoreException {
    synchronized (this) {
      if (closed) {
        throw new StoreException("The history store " + name + " is closed.");
      }
      if (!idle.isEmpty()) {
        return idle.pop();
      }
    }
    Connection connection = null;
    try {
      connection = SqliteOpener.openReader(database);
      return new SqliteReader(connection);
    } catch (SQLException e) {
      if (connection != null) {
        SqliteOpener.closeQuietly(connection);
      }
      throw failed(what, e);
    }
  }

  private void giveBack(SqliteReader reader) {
    synchronized (this) {
      if (!closed) {
        idle.push(reader);
        return;
      }
    }
    reader.close();
  }

  private StoreException failed(String what, SQLException e) {
    return new StoreException("The history store " + name + " could not " + what + ": "
        + SqliteErrors.describe(e) + ".", e);
  }
}
