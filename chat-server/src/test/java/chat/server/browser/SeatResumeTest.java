package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page whose connection dropped takes its held seat back (protocol v2 resume): same name, same place in the
 * user list, and the others see it neither leave nor join. The drop is a server restart, which the server
 * treats as a drop for everybody; the seats survive it only in a SQLite store, hence the data directory.
 */
class SeatResumeTest {
  private static final String ROOM = "resume";

  @TempDir Path dataDir;
  private ChatServer server;
  private BrowserSession browser;

  @BeforeEach
  void start() {
    server = startServer(0, 0);
    browser = BrowserSession.open(server.httpUri());
    browser.recordSentFramesOnNewPages();
  }

  @AfterEach
  void stop() {
    try {
      if (browser != null) browser.close();
    } finally {
      if (server != null) server.close();
    }
  }

  @Test
  void afterADropThePageIsBackUnderItsNameAndNobodySeesItLeaveOrJoin() {
    browser.join("Alice", ROOM);
    TestClient bob = TestClient.connect(server.wsUri()).joined("Bob", ROOM).said("before the drop");
    browser.waitForMessage("before the drop");
    browser.waitForUsers(List.of("Alice", "Bob"));

    restartServer();
    bob.awaitClose();
    try (TestClient bobAgain = TestClient.connect(server.wsUri())) {
      assertTrue(bobAgain.rejoin(bob).isOk(), "Bob takes his own seat back");
      browser.waitUntilJoined();
      bobAgain.said("welcome back");
      browser.waitForMessage("welcome back");

      browser.waitForUsers(List.of("Alice", "Bob"));
      assertNoComingAndGoing(roomMessagesSince(bobAgain), "Alice");
      List<String> shown = browser.messageTexts();
      assertEquals(1, Collections.frequency(shown, "Bob has joined!"), "only Bob's first join: " + shown);
      assertEquals(0, Collections.frequency(shown, "Bob has left!"), shown.toString());
      assertEquals(1, Collections.frequency(shown, "before the drop"), "shown once: " + shown);
      assertEquals(1, Collections.frequency(shown, "welcome back"), "shown once: " + shown);
    }
    assertTheRejoinResumed(bob);
  }

  /** Closes the server (every connection drops, seats stay in the store) and starts it on the same ports. */
  private void restartServer() {
    int httpPort = server.httpPort();
    int wsPort = server.wsPort();
    server.close();
    browser.waitUntil(d -> browser.bannerText().contains("Connection lost"));
    server = startServer(httpPort, wsPort);
  }

  private ChatServer startServer(int httpPort, int wsPort) {
    return ChatServer.start(ServerConfig.parse(
        new String[] {"--store", "sqlite", "--data-dir", dataDir.toString()}, Map.of()).withPorts(httpPort, wsPort));
  }

  /**
   * What the room said since Bob lost his connection: his rejoin's history holds every message after the
   * last one he had (it resumes from there), and the rest came live.
   */
  private static List<String> roomMessagesSince(TestClient bobAgain) {
    Stream<ServerMessage> gap = bobAgain.joinHistory().messages().stream();
    return Stream.concat(gap, bobAgain.received().stream())
        .filter(ChatMessage.class::isInstance)
        .map(message -> ((ChatMessage) message).text())
        .toList();
  }

  private static void assertNoComingAndGoing(List<String> texts, String name) {
    assertTrue(texts.stream().noneMatch(t -> t.equals(name + " has left!") || t.equals(name + " has joined!")),
        "no notice about " + name + " coming back: " + texts);
  }

  /** The page's second join carried the first join's token and the last message it had shown. */
  private void assertTheRejoinResumed(TestClient bob) {
    List<Map<String, Object>> joins = browser.sentFrames("join");
    assertEquals(2, joins.size(), "one join, one rejoin: " + joins);
    Map<String, Object> rejoin = joins.get(1);
    assertTrue(rejoin.get("resumeToken") instanceof String, "the rejoin sent a token: " + rejoin);
    assertEquals(bob.lastId().orElseThrow(), ((Number) rejoin.get("since")).longValue(), "since: " + rejoin);
    assertEquals(bob.joinHistory().epoch(), rejoin.get("epoch"), "epoch: " + rejoin);
    assertTrue(!joins.get(0).containsKey("resumeToken"), "the first join had no token to send: " + joins);
  }
}
