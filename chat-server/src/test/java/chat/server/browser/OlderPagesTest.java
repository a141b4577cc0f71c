package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ChatServer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scrolling to the top loads the previous page without moving what the reader looks at, up to the beginning. */
class OlderPagesTest {
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
  void scrollingToTheTopLoadsOlderPagesWithASteadyPositionUntilTheBeginning() {
    server = SeededHistory.of("archive").numbered(180).start();
    browser = BrowserSession.open(server.httpUri());
    browser.recordSentFramesOnNewPages();
    browser.join("Alice", "archive");
    assertEquals("message 132", browser.messageTexts().get(0), "the latest 50 on joining, the last being Alice's own joined notice (hidden)");

    double before = ((Number) browser.script("const log = document.getElementById('messages'); log.scrollTop = 0;"
        + " return " + rowTop("message 132") + ";")).doubleValue();
    browser.waitUntil(d -> browser.messageTexts().get(0).equals("message 32"));
    double after = ((Number) browser.script("return " + rowTop("message 132") + ";")).doubleValue();
    assertEquals(before, after, 2.0, "the row the reader saw stays where it was");

    browser.script("document.getElementById('messages').scrollTop = 0;");
    browser.waitUntil(d -> browser.texts(".history-edge").equals(List.of("This is the beginning of #archive")));
    assertEquals("message 1", browser.messageTexts().get(0));
    assertEquals(180, new HashSet<>(browser.messageTexts()).size() - 1, "each message once, plus Welcome!");
    List<Object> befores = browser.sentFrames("loadHistory").stream().map(f -> f.get("before")).toList();
    assertEquals(befores.size(), new HashSet<>(befores).size(), "no page asked for twice: " + befores);
    assertTrue(browser.sentFrames("loadHistory").stream().map(Map::keySet).allMatch(k -> k.contains("limit")));
  }

  /** The row's top edge relative to the log's, in pixels: where it is on screen. */
  private static String rowTop(String text) {
    return "(() => { const log = document.getElementById('messages');"
        + " const row = [...log.querySelectorAll('.message')].find(r => r.querySelector('.message__text')"
        + ".textContent === '" + text + "');"
        + " return row.getBoundingClientRect().top - log.getBoundingClientRect().top; })()";
  }
}
