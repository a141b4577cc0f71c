package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With 10,000 messages loaded the page keeps a bounded number of rows in the DOM: older ones come back from
 * memory (no request) as the reader scrolls, and live messages still append at the bottom.
 */
class BigRoomTest {
  private static final int MAX_DOM_ROWS = 400;
  private ChatServer server;
  private BrowserSession browser;

  @AfterEach
  void stop() {
    try {
      if (browser != null) browser.close();
    } finally {
      if (server != null) server.close();
    }
  }

  @Test
  void tenThousandLoadedMessagesKeepTheDomBoundedBothWays() {
    server = SeededHistory.of("big").numbered(10_000).start("--rate-limit", "0", "--history-limit", "20000");
    browser = BrowserSession.open(server.httpUri());
    browser.recordSentFramesOnNewPages();
    browser.join("Alice", "big");

    browser.waitUntil(Duration.ofSeconds(120), d -> {
      assertTrue(domRows() <= MAX_DOM_ROWS, "rows in the DOM: " + domRows());
      browser.script("document.getElementById('messages').scrollTop = 0;");
      return browser.texts(".history-edge").contains("This is the beginning of #big");
    });
    assertEquals("message 1", browser.messageTexts().get(0));
    int requests = browser.sentFrames("loadHistory").size();

    browser.waitUntil(Duration.ofSeconds(120), d -> {
      assertTrue(domRows() <= MAX_DOM_ROWS, "rows in the DOM: " + domRows());
      browser.script("const log = document.getElementById('messages'); log.scrollTop = log.scrollHeight;");
      return browser.messageTexts().contains("Welcome!");
    });
    assertEquals(requests, browser.sentFrames("loadHistory").size(), "scrolling down came from memory");
    try (TestClient bob = TestClient.connect(server.wsUri()).joined("Bob", "big")) {
      bob.said("still fast");
      browser.waitForMessage("still fast");
    }
    List<String> shown = browser.messageTexts();
    assertEquals("still fast", shown.get(shown.size() - 1));
    assertTrue(domRows() <= MAX_DOM_ROWS);
  }

  private long domRows() {
    return ((Number) browser.script("return document.querySelectorAll('#messages > li').length;")).longValue();
  }
}
