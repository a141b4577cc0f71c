package chat.server.transport;

import chat.protocol.ErrorCode;
import chat.protocol.ServerMessage;
import chat.server.metrics.CloseReason;
import chat.server.metrics.ConnectionMetrics;
import chat.server.metrics.RequestKind;
import chat.server.metrics.RoomMetrics;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every frame a client sends spends one of its tokens ({@link FloodGuard}); one over the rate is refused with
 * the time to wait, and a client that keeps sending regardless is closed. Both are counted.
 */
final class FrameAdmission {
  /** The server's own logger: operators configure its lines as the server's. */
  private static final Logger log = LoggerFactory.getLogger(ChatWebSocketServer.class);

  private final ConnectionMetrics metrics;
  private final RoomMetrics refusals;

  FrameAdmission(ConnectionMetrics metrics, RoomMetrics refusals) {
    this.metrics = metrics;
    this.refusals = refusals;
  }

  /**
   * Spends one of the sender's tokens; false (having answered or closed) when it is sending too fast. A refused
   * request with a ref gets an ack error carrying the retry-after, so clients can show it and wait.
   */
  boolean admit(WebSocket connection, ClientConnection client, Long ref, RequestKind request) {
    if (!connection.isOpen()) {
      return false; // closing: frames still in flight are dropped
    }
    FloodGuard.Verdict verdict = client.floodGuard().admit(System.nanoTime());
    if (verdict.allowed()) {
      return true;
    }
    metrics.rateLimited();
    if (verdict.abusive()) {
      log.info("Closing {}: it kept sending too fast", client.address().display());
      client.peer().closingFor(CloseReason.RATE_LIMITED);
      connection.close(CloseFrame.POLICY_VALIDATION, "Sending too fast, repeatedly");
      return false;
    }
    String error = "You are sending too fast; try again in " + verdict.retryAfterMs() + " ms";
    refusals.refused(request, ErrorCode.RATE_LIMITED);
    client.peer().send(ref != null
        ? ServerMessage.Ack.throttled(ref, error, verdict.retryAfterMs())
        : new ServerMessage.ErrorMessage(error));
    return false;
  }
}
