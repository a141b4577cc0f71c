package chat.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import org.junit.jupiter.api.Test;

/** A history bigger than what a connection may have waiting is sent whole: the client asked for it. */
class LargeHistoryTest {
  private static final String TEXT = "h".repeat(1900);

  @Test
  void aJoinerWhoseHistoryExceedsTheSendCapIsNotDroppedAsASlowReader() {
    try (ChatServer server = Servers.start("--max-buffered-bytes", "65536", "--history-on-join", "200",
        "--rate-limit", "0");
        TestClient talker = TestClient.connect(server.wsUri()).joined("Talker", "big")) {
      for (int i = 0; i < 100; i++) {
        assertTrue(talker.say(i + " " + TEXT).isOk());
      }

      try (TestClient joiner = TestClient.connect(server.wsUri()).joined("Joiner", "big")) {
        assertEquals(102, joiner.joinHistory().messages().size(), "about 190 KB, three times the cap");
        talker.say("and live");
        joiner.awaitMessage("and live");
        assertTrue(server.rooms().usernames("big").contains("Joiner"));
      }
    }
  }
}
