package chat.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each reason the SQLite store refuses to start, told in one sentence that names the path. */
class SqliteStartupRefusalsTest {
  @TempDir
  Path dataDir;

  @Test
  void aSchemaNewerThanThisCodeIsRefused() throws Exception {
    SqliteHistoryStore.open(dataDir).close();
    setUserVersion(7);

    StoreException refusal = assertThrows(StoreException.class, () -> SqliteHistoryStore.open(dataDir));

    assertOneSentenceNaming(database(), refusal);
    assertTrue(refusal.getMessage().contains("newer version of the chat server (schema 7, this one knows " + SchemaMigrations.latest() + ")"),
        refusal.getMessage());
  }

  @Test
  void aFileThatIsNotASqliteDatabaseIsRefused() throws Exception {
    Files.writeString(database(), "these are not the pages you are looking for\n".repeat(100));

    StoreException refusal = assertThrows(StoreException.class, () -> SqliteHistoryStore.open(dataDir));

    assertOneSentenceNaming(database(), refusal);
    assertTrue(refusal.getMessage().contains("is not a SQLite database or is damaged"), refusal.getMessage());
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsRefused() throws Exception {
    Files.writeString(dataDir.resolve("file.txt"), "a file, not a directory");
    Path underAFile = dataDir.resolve("file.txt").resolve("data");

    StoreException refusal = assertThrows(StoreException.class, () -> SqliteHistoryStore.open(underAFile));

    assertOneSentenceNaming(underAFile, refusal);
    assertTrue(refusal.getMessage().startsWith("Cannot create the data directory"), refusal.getMessage());
  }

  @Test
  void aDirectoryInUseByAnotherStoreOfThisProcessIsRefused() throws Exception {
    try (SqliteHistoryStore first = SqliteHistoryStore.open(dataDir)) {
      StoreException refusal = assertThrows(StoreException.class, () -> SqliteHistoryStore.open(dataDir));

      assertOneSentenceNaming(dataDir, refusal);
      assertTrue(refusal.getMessage().contains("in use by another chat server"), refusal.getMessage());
      assertEquals(0, first.rooms().size(), "the first store still works");
    }
  }

  @Test
  void aDirectoryInUseByAnotherProcessIsRefused() throws Exception {
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StoreHolder.class.getName(), dataDir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader output = new BufferedReader(
        new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("open", output.readLine());

      StoreException refusal = assertThrows(StoreException.class, () -> SqliteHistoryStore.open(dataDir));

      assertOneSentenceNaming(dataDir, refusal);
      assertTrue(refusal.getMessage().contains("(process " + holder.pid() + " holds"), refusal.getMessage());
    } finally {
      holder.getOutputStream().close();
      if (!holder.waitFor(30, TimeUnit.SECONDS)) {
        holder.destroyForcibly();
      }
    }
  }

  @Test
  void closingTheStoreFreesTheDirectory() throws Exception {
    SqliteHistoryStore.open(dataDir).close();

    SqliteHistoryStore.open(dataDir).close();
  }

  @Test
  void aRefusedStartLeavesTheDirectoryFree() throws Exception {
    SqliteHistoryStore.open(dataDir).close();
    setUserVersion(7);
    assertThrows(StoreException.class, () -> SqliteHistoryStore.open(dataDir));
    setUserVersion(SchemaMigrations.latest());

    SqliteHistoryStore.open(dataDir).close();
  }

  private Path database() {
    return dataDir.resolve(SqliteHistoryStore.DATABASE_FILE);
  }

  private void setUserVersion(int version) throws SQLException {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + database());
        Statement statement = raw.createStatement()) {
      statement.execute("PRAGMA user_version = " + version);
    }
  }

  /** One line, one sentence, naming the path, with no exception class or stack trace in it. */
  private static void assertOneSentenceNaming(Path path, StoreException refusal) {
    String message = refusal.getMessage();
    String absolute = path.toAbsolutePath().normalize().toString();
    assertTrue(message.contains(absolute), message);
    String withoutPaths = message.replaceAll("/[^\\s():]*", "PATH");
    assertFalse(message.contains("\n"), message);
    assertFalse(message.contains("Exception") || message.contains("SQLITE_"), message);
    assertFalse(withoutPaths.matches("(?s).*\\b(java|javax|org|chat|sun)\\.[a-z]+.*"), message);
    assertFalse(withoutPaths.matches("(?s).*[.:;!?]\\s+[A-Z].*"), "more than one sentence: " + message);
    assertTrue(message.endsWith("."), message);
  }
}
