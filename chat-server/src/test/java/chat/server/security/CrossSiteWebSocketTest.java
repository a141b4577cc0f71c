package chat.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cross-site WebSocket hijacking: only the chat's own pages, configured origins and non-browsers get in. */
class CrossSiteWebSocketTest {
  private static final int SWITCHING_PROTOCOLS = 101;
  private static final int FORBIDDEN = 403;
  private ChatServer server;

  @BeforeEach
  void start() {
    server = Servers.start("--allowed-origins", "https://chat.example.org, http://partner.test:8080");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aClientWithoutAnOriginIsAccepted() throws IOException {
    assertEquals(SWITCHING_PROTOCOLS, statusFor(null));
  }

  @Test
  void theChatsOwnPagesAreAccepted() throws IOException {
    assertEquals(SWITCHING_PROTOCOLS, statusFor("http://localhost:" + server.httpPort()));
  }

  @Test
  void configuredOriginsAreAccepted() throws IOException {
    assertEquals(SWITCHING_PROTOCOLS, statusFor("https://chat.example.org"));
    assertEquals(SWITCHING_PROTOCOLS, statusFor("http://partner.test:8080"));
  }

  @Test
  void aForeignPageIsRefused() throws IOException {
    assertRefused("https://evil.example");
  }

  @Test
  void thePagesHostOnAnotherPortIsRefused() throws IOException {
    assertRefused("http://localhost:" + (server.httpPort() == 1 ? 2 : server.httpPort() - 1));
  }

  @Test
  void anOpaqueOriginIsRefused() throws IOException {
    assertRefused("null");
  }

  @Test
  void aForeignPageIsToldWhyInA403AndTheSocketIsClosed() throws IOException {
    try (RawWebSocket socket = RawWebSocket.open(server.wsPort(), "https://evil.example")) {
      assertEquals(FORBIDDEN, socket.status());
      assertEquals("text/plain; charset=utf-8", socket.header("Content-Type"));
      assertEquals("Pages from this origin may not open chat connections\n", socket.bodyUntilClosed());
    }
  }

  @Test
  void theJdkClientSeesThe403() {
    assertEquals(FORBIDDEN, TestClient.refusedHandshakeStatus(server.wsUri(), "https://evil.example"));
  }

  @Test
  void aRefusedHandshakeLeavesNoConnectionBehind() throws IOException {
    assertRefused("https://evil.example");
    try (TestClient alice = TestClient.connect(server.wsUri()).joined("Alice", "lobby")) {
      assertTrue(alice.say("hi").isOk());
      assertEquals(List.of("Alice"), server.rooms().usernames("lobby"));
    }
  }

  private void assertRefused(String origin) throws IOException {
    assertEquals(FORBIDDEN, statusFor(origin), origin);
  }

  private int statusFor(String origin) throws IOException {
    try (RawWebSocket socket = RawWebSocket.open(server.wsPort(), origin)) {
      return socket.status();
    }
  }
}
