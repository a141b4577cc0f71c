package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A send's ack carries its id, and a repeated client id posts nothing the second time; on every store. */
abstract class RoomSendOnceRules {
  @RegisterExtension final RoomHarness rooms = newHarness(Map.of());

  /** The rooms over the store under test, with these settings. */
  abstract RoomHarness newHarness(Map<String, String> settings);


  @Test
  void aSendsAckCarriesTheIdItsMessageGot() {
    FakeConnection alice = rooms.joined("Alice", "lobby");

    Ack ack = alice.say("hi");

    assertEquals(((ChatMessage) alice.peer().delivered().get(0)).id(), ack.id());
  }

  @Test
  void aMessageCarriesTheClientIdItWasSentWith() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    alice.say("hi", "c-1");

    assertEquals("c-1", ((ChatMessage) alice.peer().delivered().get(0)).clientId());
  }

  @Test
  void aRepeatedClientIdPostsNothingAndIsAckedWithTheOriginalId() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    Ack first = alice.say("hi", "c-1");
    bob.peer().clear();

    Ack again = alice.say("hi", "c-1");

    assertTrue(again.isOk());
    assertEquals(first.id(), again.id());
    assertEquals(List.of(), bob.peer().delivered());
  }

  @Test
  void theSameClientIdFromAnotherUserIsAnotherMessage() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");

    assertTrue(alice.say("hi", "c-1").id() < bob.say("hi", "c-1").id());
  }

  @Test
  void aRepeatAfterAReconnectIsStillRecognised() {
    FakeConnection alice = rooms.connect();
    String token = alice.join("Alice", "lobby").resumeToken();
    long id = alice.say("hi", "c-1").id();
    alice.drop();
    FakeConnection back = rooms.connect();
    back.join("Alice", "lobby", null, null, token);

    assertEquals(id, back.say("hi", "c-1").id());
  }

  @Test
  void aRepeatAfterARestartIsStillRecognised() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    long id = alice.say("hi", "c-1").id();
    alice.disconnect();

    rooms.restart();

    assertEquals(id, rooms.joined("Alice", "lobby").say("hi", "c-1").id());
  }
}
