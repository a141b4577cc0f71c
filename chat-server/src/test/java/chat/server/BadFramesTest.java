package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.ErrorMessage;
import chat.protocol.testing.TestClient;
import chat.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BadFramesTest {
  @RegisterExtension final RunningServer running = new RunningServer();

  @Test
  void malformedJsonGetsAnErrorAndTheConnectionStays() {
    TestClient alice = running.joined("Alice", "lobby");
    alice.sendRaw("{not json");

    assertTrue(alice.skipTo(ErrorMessage.class, e -> true).error().startsWith("Malformed JSON"));
    assertTrue(alice.say("still connected").isOk());
  }

  @Test
  void anUnknownTypeWithARefGetsAnAckError() {
    TestClient alice = running.connect();
    alice.sendRaw("{\"type\":\"dance\",\"ref\":5}");

    assertEquals("Unknown message type 'dance' (expected join, sendMessage, sendLocation or loadHistory)",
        alice.awaitAck(5).error());
  }

  @Test
  void aMissingFieldGetsAnAckError() {
    TestClient alice = running.connect();
    alice.sendRaw("{\"type\":\"join\",\"ref\":6,\"username\":\"Alice\"}");

    assertEquals("Field 'room' is required in a 'join' message", alice.awaitAck(6).error());
  }

  @Test
  void aFrameTheServerCannotReadIsABadRequest() {
    TestClient alice = running.connect();
    alice.sendRaw("{\"type\":\"loadHistory\",\"ref\":8,\"limit\":500}");

    assertEquals("bad_request", alice.awaitAck(8).code());
  }

  @Test
  void aWrongFieldTypeGetsAnAckError() {
    TestClient alice = running.connect();
    alice.sendRaw("{\"type\":\"join\",\"ref\":7,\"username\":[\"Alice\"],\"room\":\"lobby\"}");

    assertEquals("Field 'username' of a 'join' message must be a string", alice.awaitAck(7).error());
  }

  @Test
  void aRequestWithoutARefGetsAnError() {
    TestClient alice = running.connect();
    alice.sendRaw("{\"type\":\"sendMessage\",\"text\":\"hi\"}");

    assertEquals("Field 'ref' is required in a 'sendMessage' message",
        alice.skipTo(ErrorMessage.class, e -> true).error());
  }

  @Test
  void aBinaryFrameGetsAnError() {
    TestClient alice = running.connect();
    alice.sendBinary(new byte[] {1, 2, 3});

    assertEquals("Binary frames are not supported: send each message as a JSON text frame",
        alice.skipTo(ErrorMessage.class, e -> true).error());
  }

  @Test
  void oneClientsGarbageCostsTheOthersNothing() {
    TestClient alice = running.joined("Alice", "lobby");
    TestClient mallory = running.joined("Mallory", "lobby");
    for (String garbage : new String[] {"", "null", "[]", "{\"type\":null}", "{\"type\":\"join\",\"ref\":1e400}",
        "{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}", "{\"type\":\"sendMessage\",\"ref\":1,\"text\":\"x\"} x"}) {
      mallory.sendRaw(garbage);
    }
    assertTrue(alice.say("unbothered").isOk());
    assertTrue(mallory.say("still here too").isOk());
  }
}
