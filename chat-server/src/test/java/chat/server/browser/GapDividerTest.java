package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * What could not be recovered is marked, never silently skipped: a rejoin past the server's --max-recovery shows
 * "Some messages could not be loaded" with a way to load them, and a live id that skips one fills the hole.
 */
class GapDividerTest {
  private static final String ROOM = "gaps";

  @TempDir Path dataDir;
  private ProxiedChat chat;
  private BrowserSession browser;
  private TestClient bob;

  @BeforeEach
  void start() {
    chat = new ProxiedChat(dataDir, "--max-recovery", "2", "--history-on-join", "2");
    browser = BrowserSession.open(chat.pageUri());
    browser.allowDroppingFramesOnNewPages();
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
  void aGapTooLongToRecoverIsMarkedAndItsMessagesCanBeLoaded() {
    chat.proxy().cut();
    browser.waitUntil(d -> browser.bannerText().contains("Connection lost"));
    bob.said("missed 1").said("missed 2").said("missed 3").said("missed 4");
    chat.proxy().heal();

    browser.waitUntil(Duration.ofSeconds(20), d -> browser.messageTexts().contains("missed 4"));
    assertEquals(List.of("Some messages could not be loaded"), browser.texts(".divider--gap .divider__text"));
    assertTrue(!browser.messageTexts().contains("missed 1"), "the latest page only: " + browser.messageTexts());

    browser.find(By.cssSelector(".divider--gap button")).click();

    browser.waitUntil(d -> browser.findAll(By.cssSelector(".divider--gap")).isEmpty());
    List<String> missed = browser.messageTexts().stream().filter(t -> t.startsWith("missed")).toList();
    assertEquals(List.of("missed 1", "missed 2", "missed 3", "missed 4"), missed);
  }

  @Test
  void aLiveMessageWhoseIdSkipsOneBringsTheMissingOneInPlace() {
    browser.script("window.dropFrame = (data) => {"
        + " const frame = JSON.parse(data); return frame.type === 'message' && frame.text === 'lost on the way'; };");

    bob.said("lost on the way").said("right after it");

    browser.waitForMessage("lost on the way");
    List<String> shown = browser.messageTexts();
    assertEquals(shown.indexOf("lost on the way") + 1, shown.indexOf("right after it"), shown.toString());
    assertEquals(1, browser.count("lost on the way"));
    browser.waitUntil(d -> browser.findAll(By.cssSelector(".divider--gap")).isEmpty());
  }
}
