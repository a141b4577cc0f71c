package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Seats outlive a lost connection for the reconnect grace; a resume token takes them back silently. */
class RoomReconnectRulesTest {
  @RegisterExtension final RoomHarness rooms = new RoomHarness(Map.of("RECONNECT_GRACE", "30s"));

  @Test
  void aDroppedUserKeepsItsSeatAndNobodySeesItLeave() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    alice.peer().clear();

    bob.drop();

    assertEquals(List.of(), alice.peer().delivered());
    assertEquals(List.of("Alice", "Bob"), rooms.service().usernames("lobby"));
  }

  @Test
  void theNameOfADroppedUserStaysTaken() {
    rooms.joined("Alice", "lobby").drop();

    assertEquals(Rejection.NAME_IN_USE.text(), rooms.connect().join("alice", "lobby").error());
  }

  @Test
  void theTokenTakesTheSeatBackSilentlyAndRecoversWhatWasMissed() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.connect();
    String token = bob.join("Bob", "lobby").resumeToken();
    String epoch = bob.lastHistory().epoch();
    bob.drop();
    alice.say("while you were away");
    alice.peer().clear();

    FakeConnection back = rooms.connect();
    Ack ack = back.join("BOB", "lobby", 2L, epoch, token);

    assertTrue(ack.isOk(), ack.toString());
    assertEquals(List.of(), alice.peer().delivered(), "no left, no joined notice");
    History history = back.lastHistory();
    assertEquals(Boolean.TRUE, history.recovered());
    assertEquals(List.of("while you were away"),
        history.messages().stream().map(m -> ((ChatMessage) m).text()).toList());
    assertEquals(List.of("Alice", "Bob"), rooms.service().usernames("lobby"), "the seat keeps its name");
    back.say("back");
    assertEquals("Bob", ((ChatMessage) alice.peer().delivered().get(0)).username(), "as taken, not as typed now");
  }

  @Test
  void theReturnedUserGetsLiveMessagesAgain() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.connect();
    String token = bob.join("Bob", "lobby").resumeToken();
    bob.drop();
    FakeConnection back = rooms.connect();
    back.join("Bob", "lobby", null, null, token);
    back.peer().clear();

    alice.say("welcome back");

    assertEquals("welcome back", ((ChatMessage) back.peer().delivered().get(0)).text());
    assertEquals(List.of(), bob.peer().delivered(), "the lost connection gets nothing more");
  }

  @Test
  void everyJoinAckCarriesAFreshTokenAndThePreviousOneStopsWorking() {
    FakeConnection bob = rooms.connect();
    String first = bob.join("Bob", "lobby").resumeToken();
    bob.drop();
    FakeConnection second = rooms.connect();
    String next = second.join("Bob", "lobby", null, null, first).resumeToken();
    second.drop();

    assertNotEquals(first, next);
    assertEquals(Rejection.NAME_IN_USE.text(), rooms.connect().join("Bob", "lobby", null, null, first).error());
    assertTrue(rooms.connect().join("Bob", "lobby", null, null, next).isOk());
  }

  @Test
  void aTokenPresentedWhileTheOldConnectionLooksOpenTakesOverAndClosesIt() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.connect();
    String token = bob.join("Bob", "lobby").resumeToken();
    alice.peer().clear();

    FakeConnection other = rooms.connect();
    assertTrue(other.join("Bob", "lobby", null, null, token).isOk());

    assertNotNull(bob.peer().closedWith(), "the half-open connection is closed");
    bob.disconnect(); // its close arrives later: it must not free the seat the new connection holds
    assertEquals(List.of(), alice.peer().delivered());
    assertEquals(List.of("Alice", "Bob"), rooms.service().usernames("lobby"));
  }

  @Test
  void aTokenIsUselessUnderAnotherNameOrInAnotherRoom() {
    FakeConnection bob = rooms.connect();
    String token = bob.join("Bob", "lobby").resumeToken();
    bob.drop();

    assertEquals(Rejection.NAME_IN_USE.text(), rooms.connect().join("Bob", "lobby", null, null, "forged").error());
    FakeConnection mallory = rooms.connect();
    assertTrue(mallory.join("Mallory", "lobby", null, null, token).isOk(), "an ordinary join as Mallory");
    assertEquals(List.of("Bob", "Mallory"), rooms.service().usernames("lobby"));
    FakeConnection elsewhere = rooms.connect();
    assertTrue(elsewhere.join("Bob", "kitchen", null, null, token).isOk(), "an ordinary join elsewhere");
  }

  @Test
  void aCleanCloseLeavesAtOnce() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    alice.peer().clear();

    bob.disconnect();

    assertEquals("Bob has left!", ((ChatMessage) alice.peer().delivered().get(0)).text());
  }

  @Test
  void whenTheGraceEndsTheRoomSeesTheUserLeaveOnce() {
    try (RoomHarness shortGrace = new RoomHarness(Map.of("RECONNECT_GRACE", "50ms"))) {
      FakeConnection alice = shortGrace.joined("Alice", "lobby");
      shortGrace.joined("Bob", "lobby").drop();

      alice.peer().awaitDelivered(m -> m instanceof ChatMessage chat && chat.text().equals("Bob has left!"),
          Duration.ofSeconds(5));
      assertEquals(List.of("Alice"), shortGrace.service().usernames("lobby"));
      long lefts = alice.peer().delivered(ChatMessage.class).stream()
          .filter(chat -> chat.text().equals("Bob has left!")).count();
      assertEquals(1, lefts);
    }
  }

  @Test
  void withoutAGraceADropIsALeave() {
    try (RoomHarness noGrace = new RoomHarness(Map.of("RECONNECT_GRACE", "0"))) {
      FakeConnection alice = noGrace.joined("Alice", "lobby");
      FakeConnection bob = noGrace.joined("Bob", "lobby");
      alice.peer().clear();

      bob.drop();

      assertEquals("Bob has left!", ((ChatMessage) alice.peer().delivered().get(0)).text());
    }
  }

  @Test
  void aRestartIsADropForEverybody() {
    FakeConnection bob = rooms.connect();
    String token = bob.join("Bob", "lobby").resumeToken();
    rooms.joined("Alice", "lobby");

    rooms.restart();

    assertEquals(List.of("Bob", "Alice"), rooms.service().usernames("lobby"), "seats are held after a restart");
    FakeConnection back = rooms.connect();
    assertTrue(back.join("Bob", "lobby", null, null, token).isOk());
    List<ServerMessage> history = back.lastHistory().messages();
    assertEquals("Alice has joined!", ((ChatMessage) history.get(history.size() - 1)).text(),
        "Bob came back silently: the last thing the room heard is still Alice joining");
    assertNull(back.peer().closedWith());
  }
}
