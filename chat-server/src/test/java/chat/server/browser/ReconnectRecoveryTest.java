package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.testing.TestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A page that lost its connection comes back without a seam: what was said meanwhile appears in place, once, in
 * order, with one Welcome!, and the others never see it leave or join.
 */
class ReconnectRecoveryTest {
  private static final String ROOM = "recovery";

  @TempDir Path dataDir;
  private ProxiedChat chat;
  private BrowserSession browser;
  private TestClient bob;

  @BeforeEach
  void start() {
    chat = new ProxiedChat(dataDir);
    browser = BrowserSession.open(chat.pageUri());
    browser.join("Alice", ROOM);
    bob = TestClient.connect(chat.wsUri()).joined("Bob", ROOM).said("before the drop");
    browser.waitForMessage("before the drop");
  }

  @AfterEach
  void stop() {
    try {
      if (bob != null) bob.close();
      if (browser != null) browser.close();
    } finally {
      chat.close();
    }
  }

  @Test
  void afterADroppedConnectionTheMissedMessagesAppearOnceInOrder() {
    chat.proxy().cut();
    browser.waitUntil(d -> browser.bannerText().contains("Connection lost"));
    bob.said("missed one").said("missed two");

    chat.proxy().heal();

    browser.waitUntil(Duration.ofSeconds(20), d -> browser.messageTexts().contains("missed two"));
    assertSeamless(bob);
  }

  @Test
  void afterAServerRestartTheMissedMessagesAppearOnceInOrder() {
    chat.proxy().refuseNew();
    chat.stopServer();
    bob.awaitClose();
    chat.startServer();
    try (TestClient bobAgain = TestClient.connect(chat.wsUri())) {
      assertTrue(bobAgain.rejoin(bob).isOk(), "Bob takes his seat back");
      bobAgain.said("missed one").said("missed two");

      chat.proxy().heal();

      browser.waitUntil(Duration.ofSeconds(20), d -> browser.messageTexts().contains("missed two"));
      browser.send("back");
      bobAgain.awaitMessage("back");
      assertSeamless(bobAgain);
    }
  }

  private void assertSeamless(TestClient other) {
    List<String> shown = browser.messageTexts();
    List<String> room = shown.stream().filter(t -> t.startsWith("missed") || t.equals("before the drop")).toList();
    assertEquals(List.of("before the drop", "missed one", "missed two"), room, "in order, once: " + shown);
    assertEquals(1, browser.count("Welcome!"), shown.toString());
    assertTrue(browser.findAll(By.cssSelector(".divider--gap")).isEmpty(), "no gap: everything was recovered");
    List<String> seenByBob = other.received().stream()
        .filter(ChatMessage.class::isInstance).map(m -> ((ChatMessage) m).text()).toList();
    assertTrue(seenByBob.stream().noneMatch(t -> t.startsWith("Alice has")), "no coming and going: " + seenByBob);
  }
}
