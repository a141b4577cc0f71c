package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.ScreenshotDirectory;
import chat.protocol.testing.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Takes the screenshots shown in the README from a real server and browser ({@link ScreenshotDirectory}). */
class ScreenshotsTest extends OneBrowserPerClass {
  @BeforeAll
  static void sizeTheWindow() {
    browser.resize(1280, 900);
  }

  @Test
  void joinPageWithActiveRooms() throws Exception {
    try (TestClient bob = TestClient.connect(server.wsUri()).joined("Bob", "lobby");
        TestClient carol = TestClient.connect(server.wsUri()).joined("Carol", "lobby");
        TestClient dave = TestClient.connect(server.wsUri()).joined("Dave", "design")) {
      browser.openJoinPage();
      browser.waitUntil(d -> d.findElements(By.cssSelector("#room-list .room-chip")).size() == 2);
      browser.type(By.id("username"), "Alice");

      Path file = screenshotDirectory().resolve("join-page.png");
      browser.screenshot(file);
      assertTrue(Files.size(file) > 10_000);
    }
  }

  @Test
  void busyChatWithSeveralUsersALocationAndNotices() throws Exception {
    browser.join("Alice", "lobby");
    try (TestClient bob = TestClient.connect(server.wsUri()).joined("Bob", "lobby");
        TestClient carol = TestClient.connect(server.wsUri()).joined("Carol", "lobby")) {
      TestClient dave = TestClient.connect(server.wsUri()).joined("Dave", "lobby");
      bob.said("Morning all! Stand-up in ten minutes?");
      browser.waitForMessage("Morning all! Stand-up in ten minutes?");
      browser.send("Sounds good. Today's notes: https://example.com/notes/standup");
      carol.said("Running a little late, grabbing coffee on the way.");
      carol.sharedLocation(51.5007, -0.1246);
      dave.said("I'll dial in from home today, see you there.");
      dave.close();
      browser.waitForMessage("Dave has left!");
      browser.send("Thanks Carol, we'll wait for you.");
      browser.waitForUsers(List.of("Alice", "Bob", "Carol"));

      Path file = screenshotDirectory().resolve("browser-chat.png");
      browser.screenshot(file);
      assertTrue(Files.size(file) > 10_000);
      phoneScreenshot();
    }
  }

  private static void phoneScreenshot() throws Exception {
    browser.resize(390, 844);
    try {
      browser.waitUntil(d -> d.findElement(By.id("users-toggle")).isDisplayed());
      Path file = screenshotDirectory().resolve("browser-chat-phone.png");
      browser.screenshot(file);
      assertTrue(Files.size(file) > 10_000);
    } finally {
      browser.resize(1280, 900);
    }
  }

  private static Path screenshotDirectory() {
    return ScreenshotDirectory.get();
  }
}
