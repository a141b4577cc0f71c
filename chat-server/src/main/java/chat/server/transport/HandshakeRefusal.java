package chat.server.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.java_websocket.framing.CloseFrame;

/**
 * Why a WebSocket upgrade is refused, as the HTTP answer the client gets (a status, a one-line text body, and
 * {@code Retry-After} when waiting helps) and the close code the server's own bookkeeping records.
 */
record HandshakeRefusal(int status, String statusText, String reason, Duration retryAfter, int closeCode) {

  /** A page the chat does not trust (403). */
  static HandshakeRefusal forbidden(String reason) {
    return new HandshakeRefusal(403, "Forbidden", reason, null, CloseFrame.POLICY_VALIDATION);
  }

  /** The server has no room for another connection (503). */
  static HandshakeRefusal unavailable(String reason, Duration retryAfter) {
    return new HandshakeRefusal(503, "Service Unavailable", reason, retryAfter, CloseFrame.TRY_AGAIN_LATER);
  }

  /** This client already holds its share of connections (429). */
  static HandshakeRefusal tooMany(String reason, Duration retryAfter) {
    return new HandshakeRefusal(429, "Too Many Requests", reason, retryAfter, CloseFrame.TRY_AGAIN_LATER);
  }

  /** The whole HTTP response, ready to write; the connection closes after it. */
  ByteBuffer httpResponse() {
    byte[] body = (reason + "\n").getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + statusText + "\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + (retryAfter == null ? "" : "Retry-After: " + retryAfter.toSeconds() + "\r\n")
        + "X-Content-Type-Options: nosniff\r\n"
        + "Cache-Control: no-store\r\n"
        + "Connection: close\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(headBytes.length + body.length).put(headBytes).put(body).flip();
  }
}
