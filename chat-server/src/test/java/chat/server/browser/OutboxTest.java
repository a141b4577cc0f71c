package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.testing.TestClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What is sent while the server is away waits as "sending…" and goes out once, in order, when it is back. */
class OutboxTest {
  private static final String ROOM = "outbox";

  @TempDir Path dataDir;
  private ProxiedChat chat;
  private BrowserSession browser;

  @BeforeEach
  void start() {
    chat = new ProxiedChat(dataDir);
    browser = BrowserSession.open(chat.pageUri());
    browser.join("Alice", ROOM);
    chat.stopServer();
    browser.waitUntil(d -> browser.bannerText().contains("Connection lost"));
  }

  @AfterEach
  void stop() {
    try {
      if (browser != null) browser.close();
    } finally {
      chat.close();
    }
  }

  @Test
  void messagesSentWhileTheServerIsDownAreSentOnceInOrderWhenItIsBack() {
    browser.send("written offline");
    browser.send("and another");
    assertEquals(2, browser.findAll(By.cssSelector(".message--sending")).size());
    assertEquals("sending…", browser.texts(".message--sending .message__status-text").get(0));

    chat.startServer();

    browser.waitUntil(Duration.ofSeconds(20), d -> browser.findAll(By.cssSelector(".message--outbox")).isEmpty());
    assertEquals(1, browser.count("written offline"), browser.messageTexts().toString());
    assertEquals(1, browser.count("and another"));
    try (TestClient bob = TestClient.connect(chat.wsUri()).joined("Bob", ROOM)) {
      var texts = bob.joinHistory().messages().stream()
          .filter(ChatMessage.class::isInstance).map(m -> ((ChatMessage) m).text()).toList();
      assertEquals(1, texts.stream().filter("written offline"::equals).count(), texts.toString());
      assertTrue(texts.indexOf("written offline") < texts.indexOf("and another"), texts.toString());
    }
  }

  @Test
  void aMessageTheServerRefusesStaysAsNotSentAndCanBeEdited() {
    browser.send("this is shit");
    browser.send("this one is fine");

    WebElement failed = notSentOnceTheServerIsBack();
    assertEquals("Not sent: Profanity is not allowed!", failed.findElement(By.cssSelector(".message__status-text")).getText());
    browser.waitForMessage("this one is fine");
    browser.waitUntil(d -> d.findElements(By.cssSelector(".message--sending")).isEmpty());

    failed.findElement(By.cssSelector(".message__edit")).click();

    browser.waitUntil(d -> d.findElements(By.cssSelector(".message--failed")).isEmpty());
    assertEquals("this is shit", browser.find(By.id("message-input")).getAttribute("value"));
  }

  @Test
  void aRefusedMessageCanBeDiscarded() {
    browser.send("this is shit");
    WebElement failed = notSentOnceTheServerIsBack();

    failed.findElement(By.cssSelector(".message__discard")).click();

    browser.waitUntil(d -> d.findElements(By.cssSelector(".message--outbox")).isEmpty());
    assertTrue(!browser.messageTexts().contains("this is shit"));
    assertEquals("", browser.find(By.id("message-input")).getAttribute("value"));
  }

  @Test
  void aRoomSwitchWaitsUntilTheNotSentMessageIsEditedOrDiscarded() {
    browser.send("this is shit");
    WebElement failed = notSentOnceTheServerIsBack();

    browser.type(By.id("switch-room"), "elsewhere");
    browser.find(By.id("switch-button")).click();

    browser.waitUntil(d -> d.findElement(By.id("switch-error")).isDisplayed());
    assertEquals("Your message has not reached #" + ROOM + " yet: switch rooms once it is sent or discarded.",
        browser.find(By.id("switch-error")).getText());
    assertEquals(ROOM, browser.roomTitle());
    failed.findElement(By.cssSelector(".message__discard")).click();
    browser.find(By.id("switch-button")).click();
    browser.waitUntil(d -> browser.roomTitle().equals("elsewhere"));
  }

  /** Starts the server again and waits for the outbox row the server refused ("Not sent"). */
  private WebElement notSentOnceTheServerIsBack() {
    chat.startServer();
    return browser.waitUntil(Duration.ofSeconds(20),
        d -> d.findElements(By.cssSelector(".message--failed")).stream().findFirst().orElse(null));
  }
}
