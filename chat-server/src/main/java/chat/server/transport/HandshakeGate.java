package chat.server.transport;

import chat.server.metrics.ConnectionMetrics;
import chat.server.metrics.ConnectionMetrics.HandshakeRefused;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a WebSocket upgrade may go ahead: the page's origin ({@link OriginPolicy}), then the caps on
 * connections ({@link ConnectionLimits}). Each refusal is logged and counted; the caller answers it.
 */
final class HandshakeGate {
  /** The server's own logger: operators configure its lines as the server's. */
  private static final Logger log = LoggerFactory.getLogger(ChatWebSocketServer.class);

  private final OriginPolicy origins;
  private final ConnectionLimits limits;
  private final ConnectionMetrics metrics;

  HandshakeGate(OriginPolicy origins, ConnectionLimits limits, ConnectionMetrics metrics) {
    this.origins = origins;
    this.limits = limits;
    this.metrics = metrics;
  }

  /** Why this upgrade is refused: 403 (origin), 503 (full) or 429 (address over its cap); empty to go ahead. */
  Optional<HandshakeRefusal> refusal(WebSocket connection, ClientHandshake request) {
    String origin = request.getFieldValue("Origin");
    if (!origins.allows(origin, request.getFieldValue("Host"))) {
      log.info("Refused a WebSocket from {}: origin {} is not allowed", RemoteAddress.of(connection), origin);
      metrics.handshakeRefused(HandshakeRefused.ORIGIN);
      return Optional.of(HandshakeRefusal.forbidden("Pages from this origin may not open chat connections"));
    }
    Optional<HandshakeRefusal> refusal = limits.refusal(addressOf(connection));
    if (refusal.isPresent()) {
      log.info("Refused a WebSocket from {}: {}", RemoteAddress.of(connection), refusal.get().reason());
      metrics.handshakeRefused(refusal.get().status() == 429 ? HandshakeRefused.ADDRESS_FULL
          : HandshakeRefused.SERVER_FULL);
    }
    return refusal;
  }

  /** A connection passed the gate and opened: it counts against the caps until {@link #closed}. */
  void opened(WebSocket connection) {
    limits.opened(addressOf(connection));
    metrics.opened();
  }

  void closed(WebSocket connection) {
    limits.closed(addressOf(connection));
  }

  private static InetAddress addressOf(WebSocket connection) {
    InetSocketAddress address = connection.getRemoteSocketAddress();
    return address == null ? null : address.getAddress();
  }
}
