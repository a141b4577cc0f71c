package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.testing.TestClient;
import chat.server.support.Await;
import chat.server.support.RunningServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A busy run — a big room and small rooms, everyone sending without waiting for acks, people coming and going
 * meanwhile — is delivered in full by the write path alone: the stall guard never has to rescue a write.
 */
class BusyRunTest {
  private static final int MESSAGES = 40;

  @RegisterExtension
  final RunningServer running = new RunningServer(Map.of("RATE_LIMIT", "0"));

  @Test
  void aBusyRunIsDeliveredInFullWithNoWriteRescued() {
    List<List<TestClient>> rooms = List.of(room("hall", 40), room("kitchen", 10), room("garden", 10));
    for (int i = 0; i < MESSAGES; i++) {
      for (List<TestClient> room : rooms) {
        for (TestClient member : room) {
          member.sendMessage("message " + i);
        }
      }
      if (i % 10 == 0) {
        running.joined("Visitor" + i, "hall").closeAbruptly(); // comes and goes mid-run: notices, user lists
      }
    }
    for (List<TestClient> room : rooms) {
      for (TestClient member : room) {
        int expected = room.size() * MESSAGES;
        Await.until("every message reaches every member", Duration.ofSeconds(30),
            () -> userMessages(member) == expected);
      }
    }
    assertEquals(0, running.server().writeRescues(), "writes the stall guard had to rescue");
    assertEquals(0, running.server().unexpectedErrors());
  }

  private List<TestClient> room(String name, int size) {
    List<TestClient> members = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      members.add(running.joined(name + i, name));
    }
    return members;
  }

  private static long userMessages(TestClient client) {
    return client.received().stream().filter(m -> m instanceof ChatMessage chat && !chat.system()).count();
  }
}
