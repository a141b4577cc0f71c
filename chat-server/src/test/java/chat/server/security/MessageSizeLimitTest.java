package chat.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Java-WebSocket upstream #1507 (a header promising 1 GiB) and #1508 (endless continuation frames). */
class MessageSizeLimitTest {
  private static final int TOO_BIG = 1009;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private ChatServer server;
  private TestClient bystander;

  @BeforeEach
  void start() {
    server = Servers.start();
    bystander = TestClient.connect(server.wsUri()).joined("Bystander", "lobby");
  }

  @AfterEach
  void stop() {
    bystander.close();
    server.close();
  }

  @Test
  void aFrameHeaderDeclaringOneGibibyteIsRefusedBeforeAllocation() throws IOException {
    try (RawWebSocket attacker = RawWebSocket.open(server.wsPort(), null)) {
      attacker.sendBytes(RawWebSocket.header(true, RawWebSocket.TEXT, 1L << 30));
      attacker.sendBytes(new byte[] {1, 2, 3, 4}); // the mask; the promised gibibyte never comes

      assertEquals(TOO_BIG, attacker.awaitClose(CLOSE_TIMEOUT).closeCode());
    }
    assertTrue(bystander.say("still here").isOk());
  }

  @Test
  void endlessContinuationFramesAreRefusedOnceTheMessageIsTooBig() throws IOException {
    try (RawWebSocket attacker = RawWebSocket.open(server.wsPort(), null)) {
      byte[] chunk = new byte[16 * 1024];
      Arrays.fill(chunk, (byte) 'a');
      attacker.sendFrame(false, RawWebSocket.TEXT, "{\"type\":\"sendMessage\",\"text\":\"".getBytes(
          StandardCharsets.UTF_8));
      sendUntilRefused(attacker, chunk, 2 * 1024 * 1024); // never a final frame

      assertEquals(TOO_BIG, attacker.awaitClose(CLOSE_TIMEOUT).closeCode());
    }
    assertTrue(bystander.say("still here").isOk());
  }

  @Test
  void aSingleFrameOverTheLimitIsRefused() throws IOException {
    try (RawWebSocket attacker = RawWebSocket.open(server.wsPort(), null)) {
      try {
        attacker.sendText("{\"type\":\"sendMessage\",\"ref\":1,\"text\":\"" + "a".repeat(70_000) + "\"}");
      } catch (IOException refusedFromTheHeader) {
        // The server may close before the payload is written: the header alone says it is too big.
      }

      assertEquals(TOO_BIG, attacker.awaitClose(CLOSE_TIMEOUT).closeCode());
    }
    assertTrue(bystander.say("still here").isOk());
  }

  /** A successful join's ack: no error, a resume token. */
  private static final String JOINED = "{\"type\":\"ack\",\"ref\":1,\"resumeToken\":\"";

  @Test
  void aFragmentedMessageUnderTheLimitIsAccepted() throws IOException {
    try (RawWebSocket client = RawWebSocket.open(server.wsPort(), null)) {
      String join = "{\"type\":\"join\",\"ref\":1,\"username\":\"Frag\",\"room\":\"lobby\",\"pad\":\""
          + "p".repeat(40_000) + "\"}";
      byte[] bytes = join.getBytes(StandardCharsets.UTF_8);
      int third = bytes.length / 3;
      client.sendFrame(false, RawWebSocket.TEXT, Arrays.copyOfRange(bytes, 0, third));
      client.sendFrame(false, RawWebSocket.CONTINUATION, Arrays.copyOfRange(bytes, third, 2 * third));
      client.sendFrame(true, RawWebSocket.CONTINUATION, Arrays.copyOfRange(bytes, 2 * third, bytes.length));

      assertTrue(client.awaitText("\"ack\"", CLOSE_TIMEOUT).startsWith(JOINED), "the join succeeded");
      // A second fragmented message starts its count afresh.
      client.sendFrame(false, RawWebSocket.TEXT, Arrays.copyOfRange(bytes, 0, third));
      client.sendFrame(false, RawWebSocket.CONTINUATION, Arrays.copyOfRange(bytes, third, 2 * third));
      client.sendFrame(true, RawWebSocket.CONTINUATION, Arrays.copyOfRange(bytes, 2 * third, bytes.length));
      assertTrue(client.awaitText("\"ack\"", CLOSE_TIMEOUT).startsWith(JOINED), "the join succeeded");
    }
  }

  /** Writes continuation frames until the total is sent or the server has cut the connection. */
  private static void sendUntilRefused(RawWebSocket attacker, byte[] chunk, int total) {
    try {
      for (int sent = 0; sent < total; sent += chunk.length) {
        attacker.sendFrame(false, RawWebSocket.CONTINUATION, chunk);
      }
    } catch (IOException expected) {
      // The server closed the connection part-way, as it should.
    }
  }
}
