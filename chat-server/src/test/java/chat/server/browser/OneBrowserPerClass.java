package chat.server.browser;

import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A real server and one headless Chromium shared by the tests of a class: starting Chromium is the slow part,
 * and each test joins a room of its own.
 */
abstract class OneBrowserPerClass {
  static ChatServer server;
  static BrowserSession browser;

  @BeforeAll
  static void startServerAndBrowser() {
    server = ChatServer.start(ServerConfig.parse(new String[] {"--store", "memory"}, Map.of()).withPorts(0, 0));
    browser = BrowserSession.open(server.httpUri());
  }

  @AfterAll
  static void stopServerAndBrowser() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }
}
