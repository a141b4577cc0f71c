package chat.server.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloodingTest {

  @Test
  void messagesBeyondTheBurstGetAnAckErrorWithARetryAfter() {
    try (ChatServer server = Servers.start("--rate-limit", "1", "--rate-burst", "5");
        TestClient flooder = TestClient.connect(server.wsUri()).joined("Flooder", "lobby")) {
      List<Long> refs = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        refs.add(flooder.sendMessage("message " + i));
      }
      List<Ack> acks = refs.stream().map(flooder::awaitAck).toList();

      assertTrue(acks.subList(0, 4).stream().allMatch(Ack::isOk), acks.toString());
      Ack refused = acks.get(9);
      assertTrue(refused.error().matches("You are sending too fast; try again in \\d+ ms"), refused.error());
      assertTrue(refused.retryAfterMs() > 0 && refused.retryAfterMs() <= 1000, refused.toString());
      assertEquals("rate_limited", refused.code());
    }
  }

  @Test
  void refusedMessagesAreNotDeliveredToTheRoom() {
    try (ChatServer server = Servers.start("--rate-limit", "1", "--rate-burst", "2");
        TestClient flooder = TestClient.connect(server.wsUri()).joined("Flooder", "lobby");
        TestClient bystander = TestClient.connect(server.wsUri()).joined("Bystander", "lobby")) {
      long first = flooder.sendMessage("first");
      long second = flooder.sendMessage("second");
      flooder.sendMessage("third");
      assertTrue(flooder.awaitAck(first).isOk());
      assertTrue(flooder.awaitAck(second).retryAfterMs() != null);
      assertTrue(bystander.say("marker").isOk());

      assertEquals("first", bystander.await(ChatMessage.class, m -> !m.system()).text());
      assertEquals("marker", bystander.await(ChatMessage.class, m -> !m.system()).text());
    }
  }

  @Test
  void persistentFloodingClosesTheConnectionWith1008() {
    try (ChatServer server = Servers.start("--rate-limit", "1", "--rate-burst", "5");
        TestClient flooder = TestClient.connect(server.wsUri()).joined("Flooder", "lobby");
        TestClient bystander = TestClient.connect(server.wsUri()).joined("Bystander", "lobby")) {
      for (int i = 0; i < 150 && !flooder.isClosed(); i++) {
        flooder.trySendRaw("{\"type\":\"sendMessage\",\"ref\":" + (100 + i) + ",\"text\":\"spam\"}");
      }

      assertEquals(1008, flooder.awaitClose().code());
      bystander.awaitMessage("Flooder has left!");
      assertTrue(bystander.say("peace at last").isOk());
    }
  }

  @Test
  void aPingIsAnsweredWithAPong() throws IOException {
    try (ChatServer server = Servers.start();
        RawWebSocket client = RawWebSocket.open(server.wsPort(), null)) {
      client.sendFrame(true, RawWebSocket.PING, new byte[] {7});

      RawWebSocket.Frame pong = client.readFrame();
      assertEquals(RawWebSocket.PONG, pong.opcode());
      assertArrayEquals(new byte[] {7}, pong.payload());
    }
  }

  @Test
  void aPingFloodCountsAgainstTheRateLikeMessages() throws IOException {
    try (ChatServer server = Servers.start("--rate-limit", "1", "--rate-burst", "5");
        RawWebSocket flooder = RawWebSocket.open(server.wsPort(), null)) {
      try {
        for (int i = 0; i < 200; i++) {
          flooder.sendFrame(true, RawWebSocket.PING, new byte[125]);
        }
      } catch (IOException closedPartWay) {
        // the server may cut the connection before all pings are written
      }

      assertEquals(1008, flooder.awaitClose(Duration.ofSeconds(10)).closeCode());
    }
  }

  @Test
  void aRateOfZeroTurnsTheLimitOff() {
    try (ChatServer server = Servers.start("--rate-limit", "0", "--rate-burst", "1");
        TestClient bench = TestClient.connect(server.wsUri()).joined("Bench", "lobby")) {
      List<Long> refs = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        refs.add(bench.sendMessage("message " + i));
      }
      assertTrue(refs.stream().map(bench::awaitAck).allMatch(Ack::isOk));
    }
  }
}
