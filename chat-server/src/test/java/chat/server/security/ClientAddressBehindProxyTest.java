package chat.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.server.ChatServer;
import chat.server.support.ClusterProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a reverse proxy named by --trusted-proxies, the per-address cap counts the clients the proxy names in
 * X-Forwarded-For, not the proxy; from anybody else the header changes nothing.
 */
class ClientAddressBehindProxyTest {
  private static final int SWITCHING_PROTOCOLS = 101;
  private static final int TOO_MANY_REQUESTS = 429;

  @TempDir
  Path directory;

  @Test
  void behindHaproxyEachClientHasItsOwnShareOfThePerAddressCap() throws Exception {
    InetAddress alice = InetAddress.getByName("127.0.0.2");
    InetAddress bob = InetAddress.getByName("127.0.0.3");
    try (ChatServer server = Servers.start("--max-connections-per-address", "1", "--trusted-proxies", "127.0.0.1");
        ClusterProxy proxy = ClusterProxy.start(directory, ClusterProxy.freePort(),
            List.of(new ClusterProxy.Node(server.httpPort(), server.wsPort())));
        RawWebSocket first = viaProxy(proxy, alice);
        RawWebSocket other = viaProxy(proxy, bob)) {
      assertEquals(SWITCHING_PROTOCOLS, first.status());
      assertEquals(SWITCHING_PROTOCOLS, other.status());
      joinAndAwaitAck(first, "Alice");
      joinAndAwaitAck(other, "Bob");
      try (RawWebSocket second = viaProxy(proxy, alice)) {
        assertEquals(TOO_MANY_REQUESTS, second.status());
        assertEquals("30", second.header("Retry-After")); // haproxy keeps its side open: no read to the end
      }
    }
  }

  @Test
  void aTrustedProxysHeaderNamesTheClient() throws IOException {
    try (ChatServer server = Servers.start("--max-connections-per-address", "1", "--trusted-proxies", "127.0.0.1");
        RawWebSocket first = forwardedFor(server, "203.0.113.7");
        RawWebSocket other = forwardedFor(server, "198.51.100.1")) {
      assertEquals(SWITCHING_PROTOCOLS, first.status());
      assertEquals(SWITCHING_PROTOCOLS, other.status());
      joinAndAwaitAck(first, "First");
      try (RawWebSocket second = forwardedFor(server, "192.0.2.1, 203.0.113.7")) {
        assertEquals(TOO_MANY_REQUESTS, second.status());
      }
    }
  }

  @Test
  void theHeaderFromAnUntrustedPeerIsIgnored() throws IOException {
    try (ChatServer server = Servers.start("--max-connections-per-address", "1", "--trusted-proxies", "10.0.0.0/8");
        RawWebSocket first = forwardedFor(server, "203.0.113.7")) {
      assertEquals(SWITCHING_PROTOCOLS, first.status());
      joinAndAwaitAck(first, "First");
      try (RawWebSocket spoofing = forwardedFor(server, "198.51.100.1")) {
        assertEquals(TOO_MANY_REQUESTS, spoofing.status());
      }
    }
  }

  private static RawWebSocket viaProxy(ClusterProxy proxy, InetAddress from) throws IOException {
    return RawWebSocket.open(proxy.wsUri().getPort(), "/ws", from, List.of());
  }

  private static RawWebSocket forwardedFor(ChatServer server, String header) throws IOException {
    return RawWebSocket.open(server.wsPort(), "/", InetAddress.getLoopbackAddress(),
        List.of("X-Forwarded-For: " + header));
  }

  private static void joinAndAwaitAck(RawWebSocket socket, String username) throws IOException {
    socket.sendText("{\"type\":\"join\",\"ref\":1,\"username\":\"" + username + "\",\"room\":\"lobby\"}");
    socket.awaitText("\"ack\"", Duration.ofSeconds(10));
  }
}
