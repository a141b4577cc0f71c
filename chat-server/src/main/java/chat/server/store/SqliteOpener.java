package chat.server.store;

import chat.server.config.FsyncPolicy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Opens connections to {@code chat.db}: the writer, after checking the file and bringing its schema up to
 * date, and readers. Every refusal is one sentence naming the file and what to do about it.
 */
final class SqliteOpener {
  /** The write connection's page cache, in KiB. */
  static final int WRITER_CACHE_KIB = 65_536;
  /** WAL pages (4 KiB) past which a commit checkpoints itself: 64 MiB, far above what the checkpointer leaves. */
  static final int WRITER_CHECKPOINT_PAGES = 16_384;

  /** How long a statement waits for a lock held by another connection before it fails. */
  static final int BUSY_TIMEOUT_MILLIS = 5_000;

  // Primary SQLite result codes (the low byte of an extended code).
  private static final int SQLITE_PERM = 3;
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_NOTADB = 26;

  private SqliteOpener() {}

  /**
   * The one write connection, in WAL mode with the {@code synchronous} level {@code fsync} asks for and
   * foreign keys on, its schema migrated to {@link SchemaMigrations#latest()}, not in auto-commit mode.
   */
  static Connection openWriter(Path database, FsyncPolicy fsync) throws StoreException {
    Connection connection = connect(database);
    try {
      checkIntact(connection, database);
      int version = intPragma(connection, "user_version");
      if (version > SchemaMigrations.latest()) {
        throw new StoreException("The history database " + database + " was written by a newer version of"
            + " the chat server (schema " + version + ", this one knows " + SchemaMigrations.latest()
            + "): run that version, or move the file away to start with empty history.");
      }
      configureWriter(connection, database, fsync);
      SchemaMigrations.migrate(connection, version, database.toString());
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw refusal(database, e);
    } catch (StoreException | RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** The background checkpointer's own connection (it must not be query-only). */
  static Connection openCheckpointer(Path database) throws SQLException {
    return connectOrFail(database);
  }

  /** A connection that only reads; in WAL mode it reads the last commit while the writer writes. */
  static Connection openReader(Path database) throws SQLException {
    Connection connection = connectOrFail(database);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA query_only = ON");
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private static Connection connect(Path database) throws StoreException {
    try {
      return connectOrFail(database);
    } catch (SQLException e) {
      throw refusal(database, e);
    }
  }

  private static Connection connectOrFail(Path database) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    Connection connection = config.createConnection("jdbc:sqlite:" + database);
    if (connection == null) {
      throw new SQLException("the SQLite driver did not accept the path");
    }
    return connection;
  }

  /** {@code quick_check} reads every page, so a damaged file is refused now rather than mid-conversation. */
  private static void checkIntact(Connection connection, Path database) throws SQLException, StoreException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA quick_check")) {
      String verdict = result.next() ? result.getString(1) : "no answer";
      if (!"ok".equals(verdict)) {
        throw damaged(database);
      }
    }
  }

  private static void configureWriter(Connection connection, Path database, FsyncPolicy fsync)
      throws SQLException, StoreException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
        if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
          throw new StoreException("The history database " + database + " cannot use write-ahead logging"
              + " (its file system may not support it): put --data-dir on a local disk.");
        }
      }
      // FULL: a commit returns once the WAL is on disk. NORMAL: once it is written to the OS; the WAL is
      // flushed by each checkpoint (SqliteCheckpointer, every half second). Both survive a killed process.
      statement.execute("PRAGMA synchronous = " + (fsync == FsyncPolicy.ALWAYS ? "FULL" : "NORMAL"));
      statement.execute("PRAGMA foreign_keys = ON");
      // A batch of thousands of messages across many rooms dirties more pages than the default 2 MB cache
      // holds; spilling and re-reading them mid-transaction made each row cost two to three times more.
      statement.execute("PRAGMA cache_size = -" + WRITER_CACHE_KIB);
      // The background checkpointer keeps the WAL short; this only bounds it should that fall behind.
      statement.execute("PRAGMA wal_autocheckpoint = " + WRITER_CHECKPOINT_PAGES);
    }
    connection.setAutoCommit(false);
  }

  private static int intPragma(Connection connection, String pragma) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA " + pragma)) {
      return result.next() ? result.getInt(1) : 0;
    }
  }

  private static StoreException damaged(Path database) {
    return new StoreException("The history database " + database + " is not a SQLite database or is damaged:"
        + " restore it from a backup, or move it away to start with empty history.");
  }

  private static StoreException refusal(Path database, SQLException e) {
    int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
      return new StoreException(damaged(database).getMessage(), e);
    }
    if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_PERM) {
      return new StoreException("The history database " + database + " cannot be opened for writing: give the"
          + " server write access to it and its directory, or choose another with --data-dir.", e);
    }
    if (code == SQLITE_BUSY) {
      return new StoreException("The history database " + database + " is locked by another program: close"
          + " it (an sqlite3 shell, a backup) and start again.", e);
    }
    return new StoreException("The history database " + database + " cannot be opened ("
        + SqliteErrors.describe(e) + "): check the file, or move it away to start with empty history.", e);
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Only on a path that already fails with its own message; nothing else can be done with it.
    }
  }
}
