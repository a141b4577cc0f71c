package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.protocol.testing.SelfSignedCertificate;
import chat.protocol.testing.TestClient;
import chat.protocol.testing.TlsProxy;
import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout docs/tls.md describes, for real: Debian's haproxy terminates TLS with a throwaway certificate in
 * front of one server bound to loopback and told its public {@code wss://} URL; Chromium accepts that one
 * certificate (by its key's hash, not by ignoring certificate errors) and chats over https and wss with a
 * client that also comes through the proxy.
 */
class HttpsThroughProxyTest {
  @TempDir
  static Path directory;
  static SelfSignedCertificate certificate;
  static ChatServer server;
  static TlsProxy proxy;
  static BrowserSession browser;

  @BeforeAll
  static void startProxiedServerAndBrowser() {
    certificate = SelfSignedCertificate.generate(directory);
    int proxyPort = TlsProxy.freePort();
    server = ChatServer.start(ServerConfig.parse(new String[] {"--store", "memory", "--host", "127.0.0.1",
        "--public-ws-url", "wss://localhost:" + proxyPort + "/ws"}, Map.of()).withPorts(0, 0));
    proxy = TlsProxy.start(directory, certificate, proxyPort, server.httpPort(), server.wsPort());
    browser = BrowserSession.open(proxy.httpsUri(),
        "--ignore-certificate-errors-spki-list=" + certificate.spkiSha256());
  }

  @AfterAll
  static void stopAll() {
    if (browser != null) browser.close();
    if (proxy != null) proxy.close();
    if (server != null) server.close();
  }

  @Test
  void aBrowserJoinsAndChatsOverHttpsAndWss() {
    String room = UniqueRooms.next("tls");
    browser.joinThroughForm("Alice", room);
    assertTrue(browser.driver().getCurrentUrl().startsWith(proxy.httpsUri() + "chat.html"),
        browser.driver().getCurrentUrl());
    assertEquals(proxy.wssUri().toString(), browser.script(
        "return fetch('/config.json', { cache: 'no-store' }).then(r => r.json()).then(c => c.wsUrl);"));
    try (TestClient bob = TestClient.connect(proxy.wssUri(), null, certificate.trustingOnlyThis())
        .withTimeout(Duration.ofSeconds(15))) {
      assertTrue(bob.join("Bob", room).isOk());
      browser.waitForUsers(List.of("Alice", "Bob"));
      browser.send("hello over wss");
      bob.await(ServerMessage.ChatMessage.class,
          m -> m.text().equals("hello over wss") && m.username().equals("Alice"));
      bob.said("hello back through haproxy");
      browser.waitForMessage("hello back through haproxy");
    }
  }

  @Test
  void theProxyForwardsOnlyWebSocketUpgradesAtWsToTheWebSocketPort() {
    // A plain GET of /ws is a page request: the page server answers it (404), not the WebSocket port.
    browser.openJoinPage();
    Object status = browser.script("return fetch('/ws').then(r => r.status);");
    assertEquals(404L, status);
  }
}
