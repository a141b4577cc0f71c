package chat.server.transport;

import chat.server.metrics.ConnectionMetrics;
import chat.server.metrics.ConnectionMetrics.HandshakeRefused;
import java.util.Optional;
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
  Optional<HandshakeRefusal> refusal(ClientAddress client, ClientHandshake request) {
    String origin = request.getFieldValue("Origin");
    if (!origins.allows(origin, request.getFieldValue("Host"))) {
      log.info("Refused a WebSocket from {}: origin {} is not allowed", client.display(), origin);
      metrics.handshakeRefused(HandshakeRefused.ORIGIN);
      return Optional.of(HandshakeRefusal.forbidden("Pages from this origin may not open chat connections"));
    }
    Optional<HandshakeRefusal> refusal = limits.refusal(client.address());
    if (refusal.isPresent()) {
      log.info("Refused a WebSocket from {}: {}", client.display(), refusal.get().reason());
      metrics.handshakeRefused(refusal.get().status() == 429 ? HandshakeRefused.ADDRESS_FULL
          : HandshakeRefused.SERVER_FULL);
    }
    return refusal;
  }

  /** A connection passed the gate and opened: it counts against the caps until {@link #closed}. */
  void opened(ClientAddress client) {
    limits.opened(client.address());
    metrics.opened();
  }

  void closed(ClientAddress client) {
    limits.closed(client.address());
  }
}
