package chat.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite schema as an ordered list of migrations. {@code PRAGMA user_version} is the number of the last
 * one applied (0 for a new file); at start-up the ones above it run in order, each in its own transaction
 * together with the new user_version, so a crash mid-way leaves the file at the previous version. A change to
 * the schema is a new migration at the end, never an edit of one that has shipped.
 */
final class SchemaMigrations {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

  /** One step forward: the statements that turn version {@code version - 1} into {@code version}. */
  record Migration(int version, List<String> statements) {}

  static final List<Migration> ALL = List.of(
      new Migration(1, List.of(
          // Rooms are never deleted: last_id must outlive every message, or a restart would reuse ids.
          "CREATE TABLE rooms (name TEXT NOT NULL PRIMARY KEY, epoch TEXT NOT NULL,"
              + " last_id INTEGER NOT NULL CHECK (last_id >= 0)) WITHOUT ROWID",
          // Clustered by (room, id): a history window is one range of adjacent rows.
          "CREATE TABLE messages (room TEXT NOT NULL REFERENCES rooms (name), id INTEGER NOT NULL,"
              + " kind TEXT NOT NULL CHECK (kind IN ('text', 'notice', 'location')), username TEXT NOT NULL,"
              + " text TEXT, latitude REAL, longitude REAL, url TEXT, created_at INTEGER NOT NULL,"
              + " client_id TEXT, PRIMARY KEY (room, id)) WITHOUT ROWID",
          "CREATE INDEX messages_by_age ON messages (created_at)",
          "CREATE TABLE sends (room TEXT NOT NULL REFERENCES rooms (name), user_key TEXT NOT NULL,"
              + " client_id TEXT NOT NULL, id INTEGER NOT NULL, created_at INTEGER NOT NULL,"
              + " PRIMARY KEY (room, user_key, client_id)) WITHOUT ROWID",
          "CREATE INDEX sends_by_age ON sends (created_at)",
          "CREATE TABLE seats (room TEXT NOT NULL, user_key TEXT NOT NULL, username TEXT NOT NULL,"
              + " token_hash TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (room, user_key))"
              + " WITHOUT ROWID")),
      // Each commit wrote an index page and the rooms row besides the messages: age pruning now walks each
      // room's (room, id) range from its oldest message, and a room's last id is its newest message's unless
      // pruning is about to delete that (the pruner raises last_id first).
      new Migration(2, List.of("DROP INDEX IF EXISTS messages_by_age"))
      // Version 3 goes here, e.g. new Migration(3, List.of("ALTER TABLE messages ADD COLUMN edited_at INTEGER")).
  );

  static {
    for (int i = 0; i < ALL.size(); i++) {
      if (ALL.get(i).version() != i + 1) {
        throw new IllegalStateException("migration " + (i + 1) + " is numbered " + ALL.get(i).version());
      }
    }
  }

  private SchemaMigrations() {}

  /** The schema version this code writes. */
  static int latest() {
    return ALL.size();
  }

  /** Applies the migrations above {@code from}; the connection must not be in auto-commit mode. */
  static void migrate(Connection connection, int from, String database) throws SQLException {
    for (Migration migration : ALL.subList(Math.min(from, ALL.size()), ALL.size())) {
      try (Statement statement = connection.createStatement()) {
        for (String sql : migration.statements()) {
          statement.executeUpdate(sql);
        }
        statement.executeUpdate("PRAGMA user_version = " + migration.version());
        connection.commit();
      } catch (SQLException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
      LOG.info("{} now has schema version {}", database, migration.version());
    }
  }
}
