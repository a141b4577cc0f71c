package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.server.config.ServerConfig;
import chat.server.config.TrustedProxies;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Behind a trusted reverse proxy a connection's address is the client the proxy names in X-Forwarded-For, read
 * from the right; from anybody else the header is ignored, since any client can send one.
 */
class ClientAddressTest {
  private static final TrustedProxies LOCAL_PROXIES = ServerConfig.parse(
      new String[] {"--trusted-proxies", "127.0.0.1,10.0.0.0/8"}, Map.of()).trustedProxies();

  @ParameterizedTest(name = "from {0} with X-Forwarded-For \"{1}\": {2}")
  @CsvSource(delimiter = '|', value = {
      // peer       | X-Forwarded-For                      | counted as   | logged as
      "127.0.0.1    | 203.0.113.7                          | 203.0.113.7  | 203.0.113.7 via 127.0.0.1:40000",
      "127.0.0.1    | 198.51.100.1, 203.0.113.7            | 203.0.113.7  | 203.0.113.7 via 127.0.0.1:40000",
      "127.0.0.1    | 203.0.113.7, 10.1.2.3                | 203.0.113.7  | 203.0.113.7 via 127.0.0.1:40000",
      "127.0.0.1    | 198.51.100.1; 203.0.113.7            | 203.0.113.7  | 203.0.113.7 via 127.0.0.1:40000",
      "127.0.0.1    | 10.9.9.9, 10.1.2.3                   | 10.9.9.9     | 10.9.9.9 via 127.0.0.1:40000",
      "127.0.0.1    | 203.0.113.7:51234                    | 203.0.113.7  | 203.0.113.7 via 127.0.0.1:40000",
      "127.0.0.1    | [2001:db8::7]:443                    | 2001:db8::7  | 2001:db8:0:0:0:0:0:7 via 127.0.0.1:40000",
      "127.0.0.1    | 2001:db8::7                          | 2001:db8::7  | 2001:db8:0:0:0:0:0:7 via 127.0.0.1:40000",
      "127.0.0.1    | 203.0.113.7, unknown, 10.1.2.3       | 10.1.2.3     | 10.1.2.3 via 127.0.0.1:40000",
      "127.0.0.1    | unknown                              | 127.0.0.1    | 127.0.0.1:40000",
      "127.0.0.1    | proxy.example                        | 127.0.0.1    | 127.0.0.1:40000",
      "127.0.0.1    | ''                                   | 127.0.0.1    | 127.0.0.1:40000",
      "198.51.100.9 | 203.0.113.7                          | 198.51.100.9 | 198.51.100.9:40000",
      "198.51.100.9 | 127.0.0.1                            | 198.51.100.9 | 198.51.100.9:40000"})
  void theClientIsTheFirstUntrustedHopFromTheRight(String peer, String forwardedFor, String counted,
      String logged) throws Exception {
    ClientAddress client = ClientAddress.of(new InetSocketAddress(InetAddress.getByName(peer), 40000),
        forwardedFor, LOCAL_PROXIES);

    assertEquals(InetAddress.getByName(counted), client.address());
    assertEquals(logged, client.display());
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() throws Exception {
    ClientAddress client = ClientAddress.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40000),
        "203.0.113.7", TrustedProxies.none());

    assertEquals(InetAddress.getByName("127.0.0.1"), client.address());
    assertEquals("127.0.0.1:40000", client.display());
  }

  @Test
  void withoutTheHeaderTheSocketsAddressCounts() throws Exception {
    ClientAddress client = ClientAddress.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40000),
        null, LOCAL_PROXIES);

    assertEquals("127.0.0.1:40000", client.display());
  }

  /**
   * Pins Java-WebSocket 1.6.0 ({@code Draft.translateHandshakeHttp}): repeated header lines reach the server
   * joined, in order. haproxy adds its own line after any the client sent, so a library that kept only the first
   * would hand the server the client's claim instead of the proxy's.
   */
  @Test
  void repeatedHeaderLinesReachTheServerJoinedInOrder() throws Exception {
    String request = "GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\nSec-WebSocket-Version: 13\r\n"
        + "X-Forwarded-For: 198.51.100.1\r\nX-Forwarded-For: 203.0.113.7\r\n\r\n";
    ClientHandshake handshake = (ClientHandshake) new Draft_6455()
        .translateHandshake(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));

    String joined = handshake.getFieldValue("X-Forwarded-For");
    assertEquals("198.51.100.1; 203.0.113.7", joined);
    assertEquals(InetAddress.getByName("203.0.113.7"), ClientAddress.of(
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40000), joined, LOCAL_PROXIES).address());
  }
}
