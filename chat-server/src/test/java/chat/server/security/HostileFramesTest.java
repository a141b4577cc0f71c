package chat.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ErrorMessage;
import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Frames that are valid WebSocket but hostile JSON get an answer and cost nothing; broken text closes 1007. */
class HostileFramesTest {
  private ChatServer server;
  private TestClient mallory;
  private TestClient bystander;

  @BeforeEach
  void start() {
    server = Servers.start();
    bystander = TestClient.connect(server.wsUri()).joined("Bystander", "lobby");
    mallory = TestClient.connect(server.wsUri()).joined("Mallory", "lobby");
  }

  @AfterEach
  void stop() {
    mallory.close();
    bystander.close();
    server.close();
  }

  @Test
  void nanIsMalformedJsonAndTheConnectionStays() {
    mallory.sendRaw("{\"type\":\"sendLocation\",\"ref\":3,\"latitude\":NaN,\"longitude\":0}");

    assertTrue(mallory.await(ErrorMessage.class, e -> true).error().startsWith("Malformed JSON"));
    assertTrue(mallory.say("still connected").isOk());
  }

  @Test
  void anOverflowingCoordinateIsRefusedInTheAck() {
    mallory.sendRaw("{\"type\":\"sendLocation\",\"ref\":4,\"latitude\":1e400,\"longitude\":0}");

    assertEquals("Latitude must be a number from -90 to 90", mallory.awaitAck(4).error());
    assertTrue(mallory.say("still connected").isOk());
  }

  @Test
  void aHugeRefIsRefused() {
    mallory.sendRaw("{\"type\":\"sendMessage\",\"ref\":123456789012345678901234567890,\"text\":\"hi\"}");

    assertTrue(mallory.await(ErrorMessage.class, e -> true).error().startsWith("Field 'ref'"));
    assertTrue(mallory.say("still connected").isOk());
  }

  @Test
  void deeplyNestedJsonIsRefusedCheaply() {
    mallory.sendRaw("{\"type\":\"sendMessage\",\"ref\":5,\"text\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}");

    assertTrue(mallory.await(ErrorMessage.class, e -> true).error().startsWith("Malformed JSON"));
    assertTrue(mallory.say("still connected").isOk());
  }

  @Test
  void aLongUnknownTypeIsNotEchoedInFull() {
    mallory.sendRaw("{\"type\":\"" + "x".repeat(10_000) + "\",\"ref\":6}");

    Ack ack = mallory.awaitAck(6);
    assertTrue(ack.error().length() < 200, ack.error());
  }

  @Test
  void invalidUtf8ClosesWith1007AndOthersCarryOn() throws IOException {
    try (RawWebSocket attacker = RawWebSocket.open(server.wsPort(), null)) {
      attacker.sendFrame(true, RawWebSocket.TEXT, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

      assertEquals(1007, attacker.awaitClose(Duration.ofSeconds(10)).closeCode());
    }
    assertTrue(bystander.say("unbothered").isOk());
  }

  @Test
  void invalidUtf8SplitOverFragmentsClosesWith1007() throws IOException {
    try (RawWebSocket attacker = RawWebSocket.open(server.wsPort(), null)) {
      attacker.sendFrame(false, RawWebSocket.TEXT, new byte[] {'{', '"'});
      attacker.sendFrame(true, RawWebSocket.CONTINUATION, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});

      assertEquals(1007, attacker.awaitClose(Duration.ofSeconds(10)).closeCode());
    }
    assertTrue(bystander.say("unbothered").isOk());
  }
}
