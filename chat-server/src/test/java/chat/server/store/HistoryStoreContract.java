package chat.server.store;

import static chat.server.store.Batches.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.room.HeldSeat;
import chat.server.room.RoomMessage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link HistoryStore} does; each store's test class runs all of it against a fresh store. */
abstract class HistoryStoreContract {
  static final long ALL = Long.MAX_VALUE;

  @TempDir
  Path dataDir;

  HistoryStore store;

  abstract HistoryStore open(Path dataDir) throws StoreException;

  @BeforeEach
  void openStore() throws StoreException {
    store = open(dataDir);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static Stream<Named<RoomMessage>> messages() {
    return Stream.of(
        Named.of("a text", new RoomMessage.Text("Alice", "hello", 1_000, false, null)),
        Named.of("a text with a client id", new RoomMessage.Text("Alice", "hello", 1_000, false, "c-1")),
        Named.of("a notice", new RoomMessage.Text("Admin", "Alice has joined!", 1_000, true, null)),
        Named.of("a location with its url", new RoomMessage.Location("Alice", 52.52, 13.405,
            "https://www.google.com/maps?q=52.52,13.405", 1_000, null)),
        Named.of("a location with a client id", new RoomMessage.Location("Alice", -33.9, 151.2,
            "https://www.google.com/maps?q=-33.9,151.2", 1_000, "c-2")));
  }

  @ParameterizedTest
  @MethodSource("messages")
  void aCommittedMessageReadsBackAsItWasSent(RoomMessage message) throws StoreException {
    store.commit(batch().room("lobby", "e1").message("lobby", 1, "alice", message).build());

    assertEquals(List.of(new StoredMessage(1, message)), store.read("lobby", 0, ALL, 10));
  }

  @Test
  void readGivesTheNewestLimitMessagesOldestFirst() throws StoreException {
    commitTexts("lobby", 5);

    assertEquals(List.of(3L, 4L, 5L), ids(store.read("lobby", 0, ALL, 3)));
  }

  @Test
  void readGivesOnlyIdsBetweenAfterAndBefore() throws StoreException {
    commitTexts("lobby", 5);

    assertEquals(List.of(2L, 3L, 4L), ids(store.read("lobby", 1, 5, 10)));
    assertEquals(List.of(4L), ids(store.read("lobby", 1, 5, 1)));
    assertEquals(List.of(), ids(store.read("lobby", 3, 4, 10)));
  }

  @Test
  void anUnknownRoomReadsEmptyAndIsNotListed() throws StoreException {
    commitTexts("lobby", 2);

    assertEquals(List.of(), store.read("kitchen", 0, ALL, 10));
    assertEquals(List.of("lobby"), List.copyOf(store.rooms().keySet()));
  }

  @Test
  void roomsGiveEachRoomItsEpochLastIdAndFirstId() throws StoreException {
    commitTexts("lobby", 3);
    store.commit(batch().room("kitchen", "k7").text("kitchen", 1, "a", 0).build());

    assertEquals(Map.of("lobby", new RoomState("lobby", "e-lobby", 3, 1),
        "kitchen", new RoomState("kitchen", "k7", 1, 1)), store.rooms());
  }

  @Test
  void aRoomWithoutMessagesHasFirstIdAfterItsLastId() throws StoreException {
    store.commit(batch().room("lobby", "e1").room("kitchen", "k1", 7).build());

    assertEquals(new RoomState("lobby", "e1", 0, 1), store.rooms().get("lobby"));
    assertEquals(new RoomState("kitchen", "k1", 7, 8), store.rooms().get("kitchen"));
  }

  @Test
  void aRoomsLastIdIsNeverLoweredWithinItsEpoch() throws StoreException {
    commitTexts("lobby", 5);

    store.commit(batch().room("lobby", "e-lobby", 2).build());

    assertEquals(5, store.rooms().get("lobby").lastId());
  }

  @Test
  void aRoomRenumberedWithANewEpochStartsAfresh() throws StoreException {
    store.commit(batch().room("lobby", "e1").sent("lobby", 1, "c-1", 100).text("lobby", 2, "old", 100).build());

    store.commit(batch().room("lobby", "e2").text("lobby", 1, "new", 200).build());

    assertEquals(new RoomState("lobby", "e2", 1, 1), store.rooms().get("lobby"));
    assertEquals(List.of("new"), texts(store.read("lobby", 0, ALL, 10)));
    assertEquals(OptionalLong.empty(), store.sentId("lobby", "alice", "c-1", 0));
  }

  @Test
  void pruningEveryMessageKeepsTheLastIdSoIdsAreNeverReused() throws StoreException {
    commitTexts("lobby", 3);

    assertEquals(3, store.prune(0, 0, 0));

    assertEquals(new RoomState("lobby", "e-lobby", 3, 4), store.rooms().get("lobby"));
    assertEquals(List.of(), store.read("lobby", 0, ALL, 10));
  }

  @Test
  void pruneKeepsTheNewestMessagesOfEachRoom() throws StoreException {
    commitTexts("lobby", 5);
    commitTexts("kitchen", 2);

    assertEquals(2, store.prune(3, 0, 0));

    assertEquals(List.of(3L, 4L, 5L), ids(store.read("lobby", 0, ALL, 10)));
    assertEquals(List.of(1L, 2L), ids(store.read("kitchen", 0, ALL, 10)));
    assertEquals(new RoomState("lobby", "e-lobby", 5, 3), store.rooms().get("lobby"));
  }

  @Test
  void pruneDeletesMessagesCreatedBeforeTheCutoff() throws StoreException {
    store.commit(batch().room("lobby", "e1")
        .text("lobby", 1, "a", 100).text("lobby", 2, "b", 200).text("lobby", 3, "c", 300).build());

    assertEquals(2, store.prune(100, 250, 0));

    assertEquals(List.of("c"), texts(store.read("lobby", 0, ALL, 10)));
    assertEquals(3, store.rooms().get("lobby").firstId());
  }

  @Test
  void aSendIsFoundWithinItsWindow() throws StoreException {
    store.commit(batch().room("lobby", "e1").text("lobby", 1, "a", 100).sent("lobby", 2, "c-1", 500).build());

    assertEquals(OptionalLong.of(2), store.sentId("lobby", "alice", "c-1", 500));
  }

  @Test
  void aSendBeforeTheWindowIsNotFound() throws StoreException {
    store.commit(batch().room("lobby", "e1").sent("lobby", 1, "c-1", 500).build());

    assertEquals(OptionalLong.empty(), store.sentId("lobby", "alice", "c-1", 501));
  }

  @Test
  void aSendIsKeyedByRoomUserAndClientId() throws StoreException {
    store.commit(batch().room("lobby", "e1").room("kitchen", "k1").sent("lobby", 1, "c-1", 500).build());

    assertEquals(OptionalLong.empty(), store.sentId("kitchen", "alice", "c-1", 0));
    assertEquals(OptionalLong.empty(), store.sentId("lobby", "bob", "c-1", 0));
    assertEquals(OptionalLong.empty(), store.sentId("lobby", "alice", "c-2", 0));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 256, 600})
  void aLookUpOfManySendsFindsExactlyThoseSent(int asked) throws StoreException {
    Batches sent = batch().room("lobby", "e1");
    for (int id = 1; id <= asked; id += 2) {
      sent.sent("lobby", id, "c-" + id, 500);
    }
    store.commit(sent.build());
    Set<SendKey> keys = new HashSet<>();
    for (int i = 1; i <= asked; i++) {
      keys.add(new SendKey("lobby", "alice", "c-" + i));
    }

    Map<SendKey, Long> found = store.sentIds(keys, 0);

    assertEquals((asked + 1) / 2, found.size());
    found.forEach((key, id) -> assertEquals("c-" + id, key.clientId()));
  }

  @Test
  void aBatchOfNewSendsIsCommittedWhenOnlyNewOnesMayBe() throws StoreException {
    store.commit(batch().room("lobby", "e1").sent("lobby", 1, "c-1", 500).build());

    assertTrue(store.commitIfSendsAreNew(batch().sent("lobby", 2, "c-2", 600).text("lobby", 3, "plain", 600)
        .build()));

    assertEquals(OptionalLong.of(2), store.sentId("lobby", "alice", "c-2", 0));
    assertEquals(3, store.read("lobby", 0, ALL, 10).size());
  }

  @Test
  void aBatchWithASendRecordedBeforeWritesNothingWhenOnlyNewOnesMayBe() throws StoreException {
    HeldSeat seat = new HeldSeat("lobby", "Bob", "bob", "hash-b", 1);
    store.commit(batch().room("lobby", "e1").sent("lobby", 1, "c-1", 500).build());

    assertFalse(store.commitIfSendsAreNew(batch().sent("lobby", 2, "c-2", 600).sent("lobby", 3, "c-1", 600)
        .take(seat).build()));

    assertEquals(1, store.read("lobby", 0, ALL, 10).size());
    assertEquals(OptionalLong.empty(), store.sentId("lobby", "alice", "c-2", 0));
    assertEquals(OptionalLong.of(1), store.sentId("lobby", "alice", "c-1", 0));
    assertEquals(List.of(), store.seats());
    assertEquals(1, store.rooms().get("lobby").lastId());
  }

  @Test
  void aSendRecordedBeforeTheWindowStillStopsACommitOfOnlyNewOnes() throws StoreException {
    store.commit(batch().room("lobby", "e1").sent("lobby", 1, "c-1", 500).build());

    assertFalse(store.commitIfSendsAreNew(batch().sent("lobby", 2, "c-1", 90_000_000).build()));
  }

  @Test
  void aClientIdSentAgainRecordsTheNewId() throws StoreException {
    store.commit(batch().room("lobby", "e1").sent("lobby", 1, "c-1", 100).build());

    store.commit(batch().sent("lobby", 2, "c-1", 900).build());

    assertEquals(OptionalLong.of(2), store.sentId("lobby", "alice", "c-1", 900));
  }

  @Test
  void aSendOutlivesItsPrunedMessage() throws StoreException {
    store.commit(batch().room("lobby", "e1").sent("lobby", 1, "c-1", 500).build());

    store.prune(0, 0, 0);

    assertEquals(OptionalLong.of(1), store.sentId("lobby", "alice", "c-1", 0));
  }

  @Test
  void pruneForgetsSendsRecordedBeforeItsCutoff() throws StoreException {
    store.commit(batch().room("lobby", "e1").sent("lobby", 1, "c-1", 500).sent("lobby", 2, "c-2", 600).build());

    store.prune(100, 0, 600);

    assertEquals(OptionalLong.empty(), store.sentId("lobby", "alice", "c-1", 0));
    assertEquals(OptionalLong.of(2), store.sentId("lobby", "alice", "c-2", 0));
  }

  @Test
  void seatsAreListedInTheOrderTheyWereTaken() throws StoreException {
    HeldSeat bob = new HeldSeat("lobby", "Bob", "bob", "hash-b", 2);
    HeldSeat alice = new HeldSeat("lobby", "Alice", "alice", "hash-a", 1);
    HeldSeat carol = new HeldSeat("kitchen", "Carol", "carol", "hash-c", 3);

    store.commit(batch().take(bob).take(carol).take(alice).build());

    assertEquals(List.of(alice, bob, carol), store.seats());
  }

  @Test
  void takingAHeldSeatAgainReplacesIt() throws StoreException {
    store.commit(batch().take(new HeldSeat("lobby", "Alice", "alice", "old-hash", 1)).build());
    HeldSeat resumed = new HeldSeat("lobby", "ALICE", "alice", "new-hash", 4);

    store.commit(batch().take(resumed).build());

    assertEquals(List.of(resumed), store.seats());
  }

  @Test
  void aFreedSeatIsGone() throws StoreException {
    HeldSeat bob = new HeldSeat("lobby", "Bob", "bob", "hash-b", 2);
    store.commit(batch().take(new HeldSeat("lobby", "Alice", "alice", "hash-a", 1)).take(bob).build());

    store.commit(batch().free("lobby", "alice").build());

    assertEquals(List.of(bob), store.seats());
  }

  @Test
  void aFailedCommitKeepsNothingOfItsBatch() throws StoreException {
    commitTexts("lobby", 1);
    Batch duplicate = batch().room("kitchen", "k1").take(new HeldSeat("lobby", "Bob", "bob", "h", 1))
        .text("lobby", 2, "new", 0).text("lobby", 1, "again", 0).build();

    StoreException failure = assertThrows(StoreException.class, () -> store.commit(duplicate));

    assertTrue(failure.getMessage().startsWith("The history store " + store.describe()), failure.getMessage());
    assertEquals(Map.of("lobby", new RoomState("lobby", "e-lobby", 1, 1)), store.rooms());
    assertEquals(List.of("1"), texts(store.read("lobby", 0, ALL, 10)));
    assertEquals(List.of(), store.seats());
  }

  @Test
  void theStoreIsUsableAfterAFailedCommit() throws StoreException {
    commitTexts("lobby", 1);
    assertThrows(StoreException.class, () -> store.commit(batch().text("lobby", 1, "again", 0).build()));

    store.commit(batch().text("lobby", 2, "next", 0).build());

    assertEquals(List.of("1", "next"), texts(store.read("lobby", 0, ALL, 10)));
  }

  @Test
  void aMessageForARoomWithoutAnEpochFailsItsBatch() {
    assertThrows(StoreException.class, () -> store.commit(batch().text("lobby", 1, "a", 0).build()));
  }

  @Test
  void anEmptyBatchCommits() throws StoreException {
    store.commit(batch().build());

    assertEquals(Map.of(), store.rooms());
  }

  @Test
  void aClosedStoreRefusesEveryCall() {
    store.close();

    for (Executable call : List.<Executable>of(store::rooms, () -> store.commit(batch().build()),
        () -> store.read("lobby", 0, ALL, 10), () -> store.sentId("lobby", "alice", "c-1", 0), store::seats,
        () -> store.prune(1, 0, 0))) {
      assertThrows(StoreException.class, call);
    }
    store.close();
  }

  /** Commits messages 1..count to a new room with epoch "e-" + room, texts "1", "2", ... */
  void commitTexts(String room, int count) throws StoreException {
    Batches batch = batch().room(room, "e-" + room);
    for (int id = 1; id <= count; id++) {
      batch.text(room, id, Integer.toString(id), id);
    }
    store.commit(batch.build());
  }

  static List<Long> ids(List<StoredMessage> messages) {
    return messages.stream().map(StoredMessage::id).toList();
  }

  static List<String> texts(List<StoredMessage> messages) {
    return messages.stream().map(m -> ((RoomMessage.Text) m.message()).text()).toList();
  }
}
