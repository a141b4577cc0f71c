package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The log follows new messages only while the reader is at the bottom. */
class AutoScrollTest extends OneBrowserPerClass {
  /** Several lines per message so a handful overflow the log (the server rate-limits each connection). */
  private static final String TALL = "line\nline\nline\nline\nline\nline";

  @Test
  void newMessagesAreFollowedWhenTheReaderIsAtTheBottom() throws Exception {
    String room = UniqueRooms.next("follow");
    browser.join("Reader", room);
    try (TestClient bot = TestClient.connect(server.wsUri()).joined("Bot", room)) {
      fillLog(bot);
      bot.said("the latest");

      browser.waitForMessage("the latest");
      browser.waitUntil(d -> distanceFromBottom() <= 2);
      assertTrue(isOverflowing(), "the log must overflow for this test to mean anything");
      assertFalse(marker().isDisplayed());
    }
  }

  @Test
  void aReaderWhoScrolledUpKeepsTheirPlaceAndGetsAJumpButton() throws Exception {
    String room = UniqueRooms.next("stay");
    browser.join("Reader", room);
    try (TestClient bot = TestClient.connect(server.wsUri()).joined("Bot", room)) {
      fillLog(bot);
      browser.script("document.getElementById('messages').scrollTop = 0;");

      bot.said("arrived while reading");
      browser.waitForMessage("arrived while reading");

      browser.waitUntil(d -> marker().isDisplayed());
      assertEquals(0L, ((Number) browser.script("return document.getElementById('messages').scrollTop;"))
          .longValue());
      assertTrue(marker().getText().toLowerCase().contains("new message"), marker().getText());

      marker().click();

      browser.waitUntil(d -> distanceFromBottom() <= 2 && !marker().isDisplayed());
    }
  }

  @Test
  void aReaderAtTheBottomStaysThereWhenTheWindowShrinks() throws Exception {
    String room = UniqueRooms.next("shrink");
    browser.join("Reader", room);
    try (TestClient bot = TestClient.connect(server.wsUri()).joined("Bot", room)) {
      fillLog(bot);
      browser.waitUntil(d -> distanceFromBottom() <= 2);

      browser.resize(1280, 500);
      try {
        browser.waitUntil(d -> ((Number) browser.script(
            "return document.getElementById('messages').clientHeight;")).longValue() < 400);
        browser.waitUntil(d -> distanceFromBottom() <= 2);
      } finally {
        browser.resize(1280, 900);
      }
    }
  }

  private static void fillLog(TestClient bot) throws InterruptedException {
    for (int i = 1; i <= 8; i++) {
      bot.said(i + "\n" + TALL);
    }
    browser.waitUntil(d -> browser.messageTexts().contains("8\n" + TALL));
  }

  private static WebElement marker() {
    return browser.find(By.id("new-messages"));
  }

  private static long distanceFromBottom() {
    return ((Number) browser.script("const log = document.getElementById('messages');"
        + " return Math.round(log.scrollHeight - log.scrollTop - log.clientHeight);")).longValue();
  }

  private static boolean isOverflowing() {
    return (Boolean) browser.script("const log = document.getElementById('messages');"
        + " return log.scrollHeight > log.clientHeight + 100;");
  }
}
