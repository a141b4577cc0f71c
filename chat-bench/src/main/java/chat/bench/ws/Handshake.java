package chat.bench.ws;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** The HTTP/1.1 upgrade request (RFC 6455 4.1) and the few checks made on its response. */
final class Handshake {
  private Handshake() {}

  static String request(InetSocketAddress address, String path) {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    return "GET " + path + " HTTP/1.1\r\n"
        + "Host: " + address.getHostString() + ":" + address.getPort() + "\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
        + "Sec-WebSocket-Version: 13\r\n\r\n";
  }

  /** Index just past the blank line ending the response head, or -1 while it is incomplete. */
  static int responseEnd(byte[] bytes, int end) {
    for (int i = 3; i < end; i++) {
      if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  static boolean isSwitchingProtocols(byte[] bytes, int end) {
    return statusLine(bytes, end).matches("HTTP/1\\.1 101( .*)?");
  }

  static String statusLine(byte[] bytes, int end) {
    int lineEnd = 0;
    while (lineEnd < end && bytes[lineEnd] != '\r') {
      lineEnd++;
    }
    return new String(bytes, 0, lineEnd, StandardCharsets.US_ASCII);
  }
}
