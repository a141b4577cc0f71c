package chat.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The size on disk of a server's SQLite history ({@code chat.db} and its write-ahead log {@code chat.db-wal} in
 * the server's data directory), read while the server runs. A checkpoint from a connection of our own moves the
 * log into the database and truncates it, as SQLite allows beside the server's connections in WAL mode.
 */
public record DatabaseFiles(long databaseBytes, long walBytes) {
  private static final String DATABASE = "chat.db";
  private static final int CHECKPOINT_ATTEMPTS = 20;

  public long totalBytes() {
    return databaseBytes + walBytes;
  }

  /** The two files' sizes as they are (a missing log is 0 bytes). */
  public static DatabaseFiles measure(Path dataDir) throws IOException {
    Path database = dataDir.resolve(DATABASE);
    Path wal = dataDir.resolve(DATABASE + "-wal");
    return new DatabaseFiles(Files.size(database), Files.exists(wal) ? Files.size(wal) : 0);
  }

  /**
   * Checkpoints the whole log into the database and truncates it ({@code PRAGMA wal_checkpoint(TRUNCATE)}),
   * retrying while the server holds it busy, then measures.
   */
  public static DatabaseFiles checkpointAndMeasure(Path dataDir) throws IOException, SQLException {
    Path database = dataDir.resolve(DATABASE);
    if (!Files.exists(database)) {
      throw new IOException("no " + DATABASE + " in " + dataDir + ": is it the server's --data-dir?");
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 5000");
      for (int attempt = 1; !checkpointed(statement); attempt++) {
        if (attempt == CHECKPOINT_ATTEMPTS || !Pause.millis(100)) {
          throw new SQLException("the server kept the log busy through " + attempt + " checkpoints");
        }
      }
    }
    return measure(dataDir);
  }

  /** True when the checkpoint was not blocked ({@code busy} = 0 in its one row). */
  private static boolean checkpointed(Statement statement) throws SQLException {
    try (ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
      return result.next() && result.getInt(1) == 0;
    }
  }
}
