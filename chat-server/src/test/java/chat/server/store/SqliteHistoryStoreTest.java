package chat.server.store;

import static chat.server.store.Batches.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.room.HeldSeat;
import chat.server.room.RoomMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite store does: keep everything across a restart, in WAL mode, read while it writes. */
class SqliteHistoryStoreTest {
  @TempDir
  Path dataDir;

  SqliteHistoryStore store;

  @BeforeEach
  void openStore() throws StoreException {
    store = SqliteHistoryStore.open(dataDir);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void reopeningTheDirectoryKeepsEverything() throws StoreException {
    RoomMessage location = new RoomMessage.Location("Alice", 1.5, 2.5, "https://www.google.com/maps?q=1.5,2.5",
        300, "c-2");
    HeldSeat seat = new HeldSeat("lobby", "Alice", "alice", "hash-a", 1);
    store.commit(batch().room("lobby", "e1").room("kitchen", "k1", 9).sent("lobby", 1, "c-1", 200)
        .message("lobby", 2, "alice", location).take(seat).build());

    store.close();
    store = SqliteHistoryStore.open(dataDir);

    assertEquals(Map.of("lobby", new RoomState("lobby", "e1", 2, 1),
        "kitchen", new RoomState("kitchen", "k1", 9, 10)), store.rooms());
    assertEquals(new StoredMessage(2, location), store.read("lobby", 1, Long.MAX_VALUE, 10).get(0));
    assertEquals(OptionalLong.of(1), store.sentId("lobby", "alice", "c-1", 200));
    assertEquals(List.of(seat), store.seats());
  }

  @Test
  void aRestoredBackupGivesEveryRoomANewEpochAndKeepsItsIds() throws Exception {
    store.commit(batch().room("lobby", "e1").text("lobby", 1, "before the backup", 0).room("kitchen", "k1", 4)
        .build());
    store.close();
    Path backup = Files.copy(dataDir.resolve(SqliteHistoryStore.DATABASE_FILE), dataDir.resolve("backup.db"));
    store = SqliteHistoryStore.open(dataDir);
    store.commit(batch().text("lobby", 2, "after the backup", 0).build());
    store.close();

    // The restore as docs/operations.md describes it: the database moved aside, the backup copied in.
    Files.move(dataDir.resolve(SqliteHistoryStore.DATABASE_FILE), dataDir.resolve("replaced.db"));
    Files.copy(backup, dataDir.resolve(SqliteHistoryStore.DATABASE_FILE));
    store = SqliteHistoryStore.open(dataDir);

    Map<String, RoomState> rooms = store.rooms();
    assertEquals(1, rooms.get("lobby").lastId(), "the backup's ids");
    assertEquals(4, rooms.get("kitchen").lastId());
    assertNotEquals("e1", rooms.get("lobby").epoch(), "id 2 is given again: the old epoch's 2 is another message");
    assertNotEquals("k1", rooms.get("kitchen").epoch());
    assertNotEquals(rooms.get("lobby").epoch(), rooms.get("kitchen").epoch());
  }

  @Test
  void theEpochsStayWhileTheFileIsTheSame() throws Exception {
    store.commit(batch().room("lobby", "e1").build());
    store.close();
    Files.delete(dataDir.resolve("chat.db.identity")); // as on the first start of a version that records it
    store = SqliteHistoryStore.open(dataDir);
    store.close();
    store = SqliteHistoryStore.open(dataDir);

    assertEquals("e1", store.rooms().get("lobby").epoch());
    assertTrue(Files.exists(dataDir.resolve("chat.db.identity")));
  }

  @Test
  void aNewDatabaseIsInWalModeAtTheLatestSchema() throws SQLException {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("chat.db"));
        Statement statement = raw.createStatement()) {
      assertEquals("wal", single(statement, "PRAGMA journal_mode"));
      assertEquals(Integer.toString(SchemaMigrations.latest()), single(statement, "PRAGMA user_version"));
    }
  }

  @Test
  void describeNamesTheDatabaseFile() {
    assertEquals("sqlite " + dataDir.toAbsolutePath().resolve("chat.db"), store.describe());
  }

  @Test
  void pruneWorksThroughMoreThanOneChunk() throws StoreException {
    int count = SqlitePruner.CHUNK * 2 + 34;
    Batches batch = batch().room("lobby", "e1");
    for (int id = 1; id <= count; id++) {
      batch.sent("lobby", id, "c-" + id, id);
    }
    store.commit(batch.build());

    assertEquals(count - 10, store.prune(10, 0, 0));
    assertEquals(10, store.prune(10, count + 1, count + 1));

    assertEquals(new RoomState("lobby", "e1", count, count + 1), store.rooms().get("lobby"));
    assertEquals(OptionalLong.empty(), store.sentId("lobby", "alice", "c-" + count, 0));
  }

  @Test
  void readsSeeWholeCommitsWhileTheWriterCommits() throws Exception {
    int batches = 100;
    int perBatch = 10;
    store.commit(batch().room("lobby", "e1").build());
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> commitBatches(batches, perBatch));

    long seen = 0;
    while (!writer.isDone() || seen < batches * perBatch) {
      List<Long> ids = HistoryStoreContract.ids(store.read("lobby", 0, Long.MAX_VALUE, Integer.MAX_VALUE));
      long last = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
      assertEquals(LongStream.rangeClosed(1, last).boxed().toList(), ids, "a gapless prefix");
      assertEquals(0, last % perBatch, "whole batches only");
      assertTrue(last >= seen, "never going back");
      seen = last;
      if (writer.isCompletedExceptionally()) {
        break;
      }
    }
    writer.join();
  }

  @Test
  void pruningWhileTheWriterCommitsLosesNoCommit() throws Exception {
    int batches = 100;
    int perBatch = 10;
    store.commit(batch().room("lobby", "e1").build());
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> commitBatches(batches, perBatch));

    long pruned = 0;
    while (!writer.isDone()) {
      pruned += store.prune(5, 0, 0);
    }
    writer.join();
    pruned += store.prune(5, 0, 0);

    assertEquals(batches * perBatch - 5, pruned);
    assertEquals(new RoomState("lobby", "e1", 1000, 996), store.rooms().get("lobby"));
  }

  @Test
  void aLookUpOfSendsSeeksEachKeyInsteadOfScanningEverySend() throws Exception {
    List<String> plan = new ArrayList<>();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("chat.db"));
        PreparedStatement explain = raw.prepareStatement("EXPLAIN QUERY PLAN " + SentIdLookup.sql(4));
        ResultSet rows = explain.executeQuery()) {
      while (rows.next()) {
        plan.add(rows.getString("detail"));
      }
    }

    assertTrue(plan.contains("SEARCH s USING PRIMARY KEY (room=? AND user_key=? AND client_id=?)"), plan::toString);
    assertTrue(plan.stream().noneMatch(step -> step.startsWith("SCAN s")), plan::toString);
  }

  private void commitBatches(int batches, int perBatch) {
    try {
      for (int b = 0; b < batches; b++) {
        Batches batch = batch();
        for (int i = 1; i <= perBatch; i++) {
          batch.text("lobby", (long) b * perBatch + i, "m", 0);
        }
        store.commit(batch.build());
      }
    } catch (StoreException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }
}
