package chat.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written by an older version opens migrated forward, with everything it held. */
class SchemaMigrationTest {
  @TempDir Path dataDir;

  @Test
  void aVersionOneDatabaseKeepsItsMessagesAndIdsAndLosesTheAgeIndex() throws Exception {
    try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + database());
        Statement statement = old.createStatement()) {
      for (String sql : SchemaMigrations.ALL.get(0).statements()) {
        statement.executeUpdate(sql);
      }
      statement.executeUpdate("INSERT INTO rooms VALUES ('lobby', 'e1', 7)");
      statement.executeUpdate("INSERT INTO messages (room, id, kind, username, text, created_at)"
          + " VALUES ('lobby', 6, 'text', 'Alice', 'six', 100), ('lobby', 7, 'text', 'Bob', 'seven', 200)");
      statement.executeUpdate("PRAGMA user_version = 1");
    }

    try (SqliteHistoryStore store = SqliteHistoryStore.open(dataDir)) {
      assertEquals(new RoomState("lobby", "e1", 7, 6), store.rooms().get("lobby"));
      assertEquals(2, store.read("lobby", 0, Long.MAX_VALUE, 10).size());
    }
    try (Connection reopened = DriverManager.getConnection("jdbc:sqlite:" + database());
        Statement statement = reopened.createStatement()) {
      assertEquals(SchemaMigrations.latest(), intOf(statement, "PRAGMA user_version"));
      assertFalse(statement.executeQuery("SELECT 1 FROM sqlite_master WHERE name = 'messages_by_age'").next());
    }
  }

  private Path database() {
    return dataDir.resolve(SqliteHistoryStore.DATABASE_FILE);
  }

  private static int intOf(Statement statement, String query) throws Exception {
    try (ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getInt(1);
    }
  }
}
