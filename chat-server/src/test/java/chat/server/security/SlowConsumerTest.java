package chat.server.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client that joins a busy room and stops reading: the server's queue for it would grow without bound. With
 * a cap it is dropped once its queue passes the cap, its user leaves, and the readers keep up.
 */
class SlowConsumerTest {
  private static final int MESSAGES = 4000;
  private static final String TEXT = "x".repeat(1900);

  @Test
  void aClientThatStopsReadingIsDroppedAndTheOthersKeepUp() throws IOException {
    // Without a grace, so that the cut shows at once as a departure in the room.
    try (ChatServer server = Servers.start("--rate-limit", "0", "--max-buffered-bytes", "262144",
        "--reconnect-grace", "0");
        TestClient talker = TestClient.connect(server.wsUri()).joined("Talker", "busy");
        TestClient reader = TestClient.connect(server.wsUri()).joined("Reader", "busy");
        RawWebSocket sleeper = RawWebSocket.open(server.wsPort(), null, InetAddress.getLoopbackAddress(), 4096)) {
      sleeper.sendText("{\"type\":\"join\",\"ref\":1,\"username\":\"Sleeper\",\"room\":\"busy\"}");
      reader.awaitMessage("Sleeper has joined!");

      long started = System.nanoTime();
      for (int i = 0; i < MESSAGES; i++) {
        // Paced by acks, as a real talker is: readers that keep reading are never behind by much.
        assertTrue(talker.say(i + " " + TEXT).isOk());
      }

      ChatMessage left = reader.awaitMessage("Sleeper has left!");
      ChatMessage last = reader.await(ChatMessage.class, m -> m.text().startsWith((MESSAGES - 1) + " "));
      // Dropped while the room was still busy: its queue never had to hold the whole ~7.6 MB sent.
      assertTrue(left.id() < last.id() - MESSAGES / 4, "left at " + left.id() + ", last " + last.id());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "readers took " + took);
      assertFalse(server.rooms().usernames("busy").contains("Sleeper"));
      assertTrue(talker.say("and on we go").isOk());
    }
  }
}
