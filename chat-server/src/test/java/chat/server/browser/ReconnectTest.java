package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The page survives the server going away and coming back on the same ports. */
class ReconnectTest {
  private ChatServer server;
  private BrowserSession browser;

  @BeforeEach
  void start() {
    server = ChatServer.start(ServerConfig.parse(new String[] {"--store", "memory"}, Map.of()).withPorts(0, 0));
    browser = BrowserSession.open(server.httpUri());
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
  void whileOfflineTheComposerStaysUsableAndSaysWhenMessagesGoOut() {
    browser.join("Alice", "lobby");

    server.close();

    browser.waitUntil(d -> d.findElement(By.id("connection-banner")).isDisplayed()
        && d.findElement(By.id("composer-status")).getText().contains("offline"));
    assertTrue(browser.find(By.id("send-button")).isEnabled());
    assertTrue(browser.find(By.id("message-input")).isEnabled());
    assertTrue(browser.find(By.id("send-location")).isEnabled());
    assertTrue(browser.find(By.id("composer-status")).getText().contains("sent when the connection is back"));
    // The banner alternates between "Connection lost. Reconnecting… (retrying in N s)" and the attempt: wait for
    // the first, rather than read it once at whichever moment.
    browser.waitUntil(d -> d.findElement(By.id("connection-text")).getText().contains("Connection lost"));
  }

  @Test
  void aRestartedServerGetsTheUserBackIntoTheRoom() throws Exception {
    browser.join("Alice", "lobby");
    int httpPort = server.httpPort();
    int wsPort = server.wsPort();

    server.close();
    browser.waitUntil(d -> browser.bannerText().contains("Connection lost"));
    server = ChatServer.start(ServerConfig.parse(new String[] {"--store", "memory"}, Map.of()).withPorts(httpPort, wsPort));

    browser.waitUntilJoined();
    try (TestClient bob = TestClient.connect(server.wsUri()).joined("Bob", "lobby")) {
      browser.waitForUsers(List.of("Alice", "Bob"));
      browser.send("back again");
      browser.waitForMessage("back again");
    }
  }

  @Test
  void aRejoinRefusedBecauseTheNameIsStillHeldIsRetriedUntilItIsFree() throws Exception {
    browser.join("Alice", "lobby");
    int httpPort = server.httpPort();
    int wsPort = server.wsPort();
    server.close();
    // Wait until the backoff has grown to seconds, so the impostor below joins before the page retries.
    browser.waitUntil(d -> browser.bannerText().matches(".*retrying in [234] s.*"));
    server = ChatServer.start(ServerConfig.parse(new String[] {"--store", "memory"}, Map.of()).withPorts(httpPort, wsPort));

    try (TestClient stale = TestClient.connect(server.wsUri()).joined("alice", "lobby")) {
      browser.waitUntil(d -> browser.bannerText().contains("still held"));
    }

    browser.waitUntilJoined(Duration.ofSeconds(30));
    browser.waitForUsers(List.of("Alice"));
    browser.send("finally back");
    browser.waitForMessage("finally back");
  }
}
