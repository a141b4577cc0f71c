package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.ScreenshotDirectory;
import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The README's screenshots of a kept conversation ({@link ScreenshotDirectory}): a history with day separators,
 * the gap divider, and a message waiting in the outbox beside one the server refused.
 */
class HistoryScreenshotsTest {
  @TempDir Path dataDir;
  private BrowserSession browser;
  private AutoCloseable server;

  @AfterEach
  void stop() throws Exception {
    try {
      if (browser != null) browser.close();
    } finally {
      if (server != null) server.close();
    }
  }

  @Test
  void historyWithDaySeparators() throws Exception {
    ChatServer chat = SeededHistory.of("lobby")
        .text("Bob", "Release notes are up: https://example.com/release/4.2", Duration.ofDays(3).plusHours(2))
        .text("Carol", "Thanks! I'll read them tonight.", Duration.ofDays(3).plusHours(1))
        .text("Bob", "Is the demo still on for tomorrow?", Duration.ofDays(1).plusHours(3))
        .text("Carol", "Yes, 10 o'clock in the big room.", Duration.ofDays(1).plusHours(2))
        .text("Carol", "I'll bring the projector.", Duration.ofDays(1).plusHours(2).minusMinutes(1))
        .text("Bob", "Morning! Coffee first, then the demo.", Duration.ofMinutes(20))
        .text("Bob", "Who's in?", Duration.ofMinutes(19))
        .start();
    server = chat;
    browser = BrowserSession.open(chat.httpUri());
    browser.join("Alice", "lobby");
    browser.send("Count me in.");

    shoot("browser-history.png");
  }

  @Test
  void gapDivider() throws Exception {
    ProxiedChat chat = new ProxiedChat(dataDir, "--max-recovery", "2", "--history-on-join", "3");
    server = chat;
    browser = BrowserSession.open(chat.pageUri());
    browser.join("Alice", "lobby");
    try (TestClient bob = TestClient.connect(chat.wsUri()).joined("Bob", "lobby")) {
      bob.said("Anyone around for a quick review?");
      browser.waitForMessage("Anyone around for a quick review?");
      chat.proxy().cut();
      browser.waitUntil(d -> browser.bannerText().contains("Connection lost"));
      bob.said("I pushed the branch.").said("The tests are green.").said("It's the retry logic mostly.")
          .said("Ping me when you're back.").said("I'll be at lunch until one.");
      chat.proxy().heal();
      browser.waitUntil(Duration.ofSeconds(20), d -> !d.findElements(By.cssSelector(".divider--gap")).isEmpty());
      browser.waitUntil(d -> browser.bannerText().isEmpty());

      shoot("browser-gap.png");
    }
  }

  @Test
  void pendingAndFailedMessages() throws Exception {
    ProxiedChat chat = new ProxiedChat(dataDir);
    server = chat;
    browser = BrowserSession.open(chat.pageUri());
    browser.join("Alice", "lobby");
    try (TestClient bob = TestClient.connect(chat.wsUri()).joined("Bob", "lobby")) {
      bob.said("Are you on the train already?");
      browser.waitForMessage("Are you on the train already?");
    }
    chat.stopServer();
    browser.waitUntil(d -> browser.bannerText().contains("Connection lost"));
    browser.send("Yes, the usual tunnel bullshit again");
    chat.startServer();
    browser.waitUntil(Duration.ofSeconds(20), d -> !d.findElements(By.cssSelector(".message--failed")).isEmpty());
    chat.stopServer();
    browser.waitUntil(d -> browser.bannerText().contains("Connection lost"));
    browser.send("Back in ten minutes, signal permitting.");

    shoot("browser-outbox.png");
  }

  private void shoot(String name) throws Exception {
    Path file = ScreenshotDirectory.get().resolve(name);
    browser.screenshot(file);
    assertTrue(Files.size(file) > 10_000);
  }
}
