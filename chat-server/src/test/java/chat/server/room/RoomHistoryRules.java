package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.ServerMessage.LocationMessage;
import chat.protocol.ServerMessage.RoomData;
import chat.server.store.StoreException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a joiner is shown of the room's past, what a resume recovers, and the older pages: the same table of
 * rules for every store ({@link RoomHistoryRulesOnMemoryTest}, {@link RoomHistoryRulesOnSqliteTest},
 * {@link RoomHistoryRulesOnRedisTest}).
 */
abstract class RoomHistoryRules {
  @RegisterExtension final RoomHarness rooms = newHarness(Map.of("HISTORY_ON_JOIN", "3", "MAX_RECOVERY", "5",
      "HISTORY_LIMIT", "4"));

  /** The rooms over the store under test, with these settings. */
  abstract RoomHarness newHarness(Map<String, String> settings);


  @Test
  void aJoinerGetsTheHistoryThenWelcomeThenRoomDataThenItsAck() {
    FakeConnection alice = rooms.connect();
    alice.join("Alice", "lobby");

    List<ServerMessage> sent = alice.peer().sent();
    assertEquals(4, sent.size(), sent.toString());
    History history = assertInstanceOf(History.class, sent.get(0));
    assertEquals("Welcome!", assertInstanceOf(ChatMessage.class, sent.get(1)).text());
    assertInstanceOf(RoomData.class, sent.get(2));
    assertTrue(assertInstanceOf(Ack.class, sent.get(3)).resumeToken() != null, "the join ack carries a token");
    assertEquals("lobby", history.room());
    assertNull(history.recovered(), "a join without since is no recovery");
  }

  @Test
  void theHistoryEndsWithTheJoinersOwnNotice() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    alice.say("hello");
    FakeConnection bob = rooms.connect();
    bob.join("Bob", "lobby");

    assertEquals(List.of("Alice has joined!", "hello", "Bob has joined!"), texts(bob.lastHistory()));
    assertEquals(List.of(1L, 2L, 3L), ids(bob.lastHistory()));
  }

  @Test
  void aJoinerGetsTheLatestPageAndLearnsThatOlderMessagesExist() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    alice.say("one");
    alice.say("two");
    alice.say("three");
    FakeConnection bob = rooms.connect();
    bob.join("Bob", "lobby");

    History history = bob.lastHistory();
    assertEquals(List.of("two", "three", "Bob has joined!"), texts(history));
    assertTrue(history.hasMore());
  }

  @Test
  void aLocationIsInTheHistoryInItsLiveShape() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    alice.share(51.5, -0.12);
    FakeConnection bob = rooms.connect();
    bob.join("Bob", "lobby");

    LocationMessage location = assertInstanceOf(LocationMessage.class, bob.lastHistory().messages().get(1));
    assertEquals(alice.peer().delivered().get(0), location);
  }

  @Test
  void idsGoOnAfterTheRoomEmpties() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    alice.say("before");
    alice.disconnect();
    FakeConnection bob = rooms.connect();
    bob.join("Bob", "lobby");

    assertEquals(List.of("before", "Alice has left!", "Bob has joined!"), texts(bob.lastHistory()));
    assertEquals(List.of(2L, 3L, 4L), ids(bob.lastHistory()));
  }

  @Test
  void aJoinWithSinceRecoversEverythingAfterIt() {
    FakeConnection alice = rooms.connect();
    alice.join("Alice", "lobby");
    String epoch = alice.lastHistory().epoch();
    FakeConnection bob = rooms.joined("Bob", "lobby");
    bob.say("one");
    bob.say("two");
    FakeConnection carol = rooms.connect();
    carol.join("Carol", "lobby", 2L, epoch, null);

    History history = carol.lastHistory();
    assertEquals(Boolean.TRUE, history.recovered());
    assertEquals(List.of(3L, 4L, 5L), ids(history));
  }

  @Test
  void aSinceWithoutEpochIsReadInTheCurrentEpoch() {
    rooms.joined("Alice", "lobby").say("one");
    FakeConnection bob = rooms.connect();
    bob.join("Bob", "lobby", 1L, null, null);

    assertEquals(Boolean.TRUE, bob.lastHistory().recovered());
    assertEquals(List.of(2L, 3L), ids(bob.lastHistory()));
  }

  @Test
  void aGapLongerThanMaxRecoveryIsNotRecoveredAndGetsTheLatestPage() {
    FakeConnection alice = rooms.connect();
    alice.join("Alice", "lobby");
    for (int i = 0; i < 6; i++) {
      alice.say("m" + i);
    }
    FakeConnection bob = rooms.connect();
    bob.join("Bob", "lobby", 1L, alice.lastHistory().epoch(), null);

    History history = bob.lastHistory();
    assertEquals(Boolean.FALSE, history.recovered());
    assertEquals(List.of("m4", "m5", "Bob has joined!"), texts(history));
  }

  @Test
  void aForeignEpochIsNotRecovered() {
    rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.connect();
    bob.join("Bob", "lobby", 1L, "another-epoch", null);

    assertEquals(Boolean.FALSE, bob.lastHistory().recovered());
  }

  @Test
  void aSinceBeyondTheLastIdIsNotRecovered() {
    rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.connect();
    bob.join("Bob", "lobby", 99L, null, null);

    assertEquals(Boolean.FALSE, bob.lastHistory().recovered());
  }

  @Test
  void olderPagesLeadToTheRoomsFirstMessage() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    for (int i = 1; i <= 3; i++) { // with the notice, the history limit: every store still has them all
      alice.say("m" + i);
    }

    assertTrue(alice.loadHistory(4L, 2).isOk());
    History page = alice.lastHistory();
    assertEquals(List.of("m1", "m2"), texts(page));
    assertTrue(page.hasMore());
    alice.loadHistory(2L, 2);
    assertEquals(List.of("Alice has joined!"), texts(alice.lastHistory()));
    assertFalse(alice.lastHistory().hasMore());
  }

  @Test
  void aPageCarriesTheRequestsRefAndIsSentBeforeItsAck() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    Ack ack = alice.loadHistory(null, 10);

    List<ServerMessage> sent = alice.peer().sent();
    History page = assertInstanceOf(History.class, sent.get(sent.size() - 2));
    assertEquals(ack.ref(), page.ref());
    assertNull(page.recovered());
  }

  @Test
  void aResumeFromBeforeWhatRetentionKeptIsNotRecovered() throws StoreException {
    FakeConnection alice = rooms.connect();
    alice.join("Alice", "lobby");
    String epoch = alice.lastHistory().epoch();
    for (int i = 1; i <= 5; i++) {
      alice.say("m" + i);
    }
    rooms.prune();
    FakeConnection bob = rooms.connect();
    bob.join("Bob", "lobby", 1L, epoch, null);

    assertEquals(Boolean.FALSE, bob.lastHistory().recovered(), "ids 1 and 2 are gone: not the whole gap");
    FakeConnection carol = rooms.connect();
    carol.join("Carol", "lobby", 4L, epoch, null);
    assertEquals(Boolean.TRUE, carol.lastHistory().recovered(), "everything after 4 is still kept");
  }

  @Test
  void historyBeforeAJoinIsRefused() {
    assertEquals(Rejection.JOIN_FIRST.text(), rooms.connect().loadHistory(null, 10).error());
  }

  private static List<String> texts(History history) {
    return history.messages().stream().map(m -> ((ChatMessage) m).text()).toList();
  }

  private static List<Long> ids(History history) {
    return history.messages().stream()
        .map(m -> m instanceof ChatMessage chat ? chat.id() : ((LocationMessage) m).id()).toList();
  }
}
