package chat.server.room;

import static chat.server.room.RoomJoinRulesTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ActiveRooms;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A connection going away: what its room hears, and what it leaves behind (nothing). */
class RoomLeaveRulesTest {
  @RegisterExtension final RoomHarness rooms = new RoomHarness();

  @Test
  void theRoomHearsTheUserLeaveThenGetsTheNewUserList() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    alice.peer().clear();

    bob.disconnect();

    List<ServerMessage> delivered = alice.peer().delivered();
    assertEquals(2, delivered.size(), delivered.toString());
    ChatMessage left = assertInstanceOf(ChatMessage.class, delivered.get(0));
    assertEquals("Bob has left!", left.text());
    assertTrue(left.system());
    assertEquals(names("Alice"), delivered.get(1));
    assertEquals(List.of(), bob.peer().timeline(), "nothing is sent to a closed connection");
  }

  @Test
  void disconnectingFreesTheName() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    rooms.joined("Bob", "lobby");
    alice.disconnect();

    assertTrue(rooms.connect().join("alice", "lobby").isOk());
    assertEquals(List.of("Bob", "alice"), rooms.service().usernames("lobby"));
  }

  @Test
  void theLastToLeaveTakesTheRoomWithIt() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    rooms.joined("Bob", "kitchen");

    alice.disconnect();

    assertEquals(new ActiveRooms(List.of(new ActiveRooms.Room("kitchen", 1))), rooms.service().activeRooms());
  }

  @Test
  void aConnectionThatNeverJoinedLeavesNoTrace() {
    FakeConnection alice = rooms.joined("Alice", "lobby");

    rooms.connect().disconnect();

    assertEquals(List.of(), alice.peer().timeline());
    assertEquals(List.of("Alice"), rooms.service().usernames("lobby"));
  }

  @Test
  void disconnectingTwiceIsOneLeave() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    alice.peer().clear();

    bob.disconnect();
    bob.disconnect();

    assertEquals(List.of("Bob has left!"), RoomJoinRulesTest.texts(alice.peer().delivered()));
  }

  @Test
  void aClosedConnectionCannotJoinAgain() {
    FakeConnection alice = rooms.connect();
    alice.disconnect();

    assertEquals("Connection closed", alice.join("Alice", "lobby").error());
    assertEquals(List.of(), rooms.service().usernames("lobby"));
  }

  @Test
  void aMessageAfterLeavingIsRefused() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    bob.disconnect();
    alice.peer().clear();

    assertEquals(Rejection.JOIN_FIRST.text(), bob.say("ghost").error());
    assertEquals(List.of(), alice.peer().timeline());
  }
}
