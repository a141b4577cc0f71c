package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The message box, the Send button and the Send location button. */
class ComposerTest extends OneBrowserPerClass {

  @BeforeEach
  void joinAFreshRoom() {
    browser.join("Alice", UniqueRooms.next("composer"));
  }

  @Test
  void sendIsDisabledWhileInFlightThenTheBoxIsClearedAndRefocused() {
    browser.type(By.id("message-input"), "hello there");

    // Click and read the state in one script turn: the ack cannot have arrived before this returns.
    Object disabledRightAfterClick = browser.script("const button = document.getElementById('send-button');"
        + " button.click(); return button.disabled;");

    assertEquals(true, disabledRightAfterClick);
    browser.waitForMessage("hello there");
    browser.waitUntil(d -> d.findElement(By.id("send-button")).isEnabled());
    assertEquals("", browser.find(By.id("message-input")).getAttribute("value"));
    assertEquals("message-input", browser.script("return document.activeElement.id;"));
    assertTrue(!browser.find(By.id("composer-error")).isDisplayed());
  }

  @Test
  void enterKeySendsTheMessage() {
    browser.type(By.id("message-input"), "sent with Enter\n");

    browser.waitForMessage("sent with Enter");
    browser.waitUntil(d -> d.findElement(By.id("message-input")).getAttribute("value").isEmpty());
  }

  @Test
  void aRejectedMessageKeepsItsTextAndShowsTheErrorNextToIt() {
    browser.type(By.id("message-input"), "this is shit");
    browser.find(By.id("send-button")).click();

    WebElement error = browser.waitUntil(d -> {
      WebElement shown = d.findElement(By.id("composer-error"));
      return shown.isDisplayed() ? shown : null;
    });
    assertEquals("Profanity is not allowed!", error.getText());
    assertEquals("this is shit", browser.find(By.id("message-input")).getAttribute("value"));
    browser.waitUntil(d -> d.findElement(By.id("send-button")).isEnabled());
    assertTrue(!browser.messageTexts().contains("this is shit"));
  }

  @Test
  void sharedLocationShowsAsAMapLinkOpeningInANewTab() {
    browser.fakePosition(51.5007, -0.1246);

    browser.find(By.id("send-location")).click();

    WebElement link = browser.waitUntil(d -> d.findElements(By.cssSelector(".message--location a")).stream()
        .findFirst().orElse(null));
    assertEquals("My current location", link.getText());
    assertEquals("https://www.google.com/maps?q=51.5007,-0.1246", link.getAttribute("href"));
    assertEquals("_blank", link.getAttribute("target"));
    assertEquals("noopener noreferrer", link.getAttribute("rel"));
    browser.waitUntil(d -> d.findElement(By.id("send-location")).isEnabled());
  }

  @Test
  void deniedLocationPermissionIsExplainedAndTheButtonComesBack() {
    browser.denyGeolocation();

    browser.find(By.id("send-location")).click();

    WebElement error = browser.waitUntil(d -> {
      WebElement shown = d.findElement(By.id("composer-error"));
      return shown.isDisplayed() ? shown : null;
    });
    assertTrue(error.getText().contains("denied"), error.getText());
    browser.waitUntil(d -> d.findElement(By.id("send-location")).isEnabled());
  }

  @Test
  void aMessageTheServerNeverAnswersGivesTheButtonBackAfterTheAckTimeout() {
    // Swallow outgoing messages on this page's socket so that no ack can ever come.
    browser.script("const send = WebSocket.prototype.send;"
        + " WebSocket.prototype.send = function (data) {"
        + "   if (!String(data).includes('sendMessage')) send.call(this, data); };");
    browser.type(By.id("message-input"), "into the void");
    browser.find(By.id("send-button")).click();

    browser.waitUntil(Duration.ofSeconds(20), d -> d.findElement(By.id("send-button")).isEnabled());
    assertTrue(browser.find(By.id("composer-error")).getText().contains("did not answer"));
    assertEquals("into the void", browser.find(By.id("message-input")).getAttribute("value"));
  }

  @Test
  void aBrowserWithoutGeolocationSaysSoAndKeepsTheButton() {
    Object script = browser.hideGeolocationOnNewPages();
    try {
      browser.join("Alice", UniqueRooms.next("no-geo"));

      browser.find(By.id("send-location")).click();

      browser.waitUntil(d -> d.findElement(By.id("composer-error")).isDisplayed());
      assertTrue(browser.find(By.id("composer-error")).getText().contains("not supported"));
      assertTrue(browser.find(By.id("send-location")).isEnabled());
    } finally {
      browser.removeNewPageScript(script);
    }
  }
}
