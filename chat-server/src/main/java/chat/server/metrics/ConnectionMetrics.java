package chat.server.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * What the WebSocket transport counts: connections, frames and bytes, the rate limit, slow consumers, the stall
 * guard and unexpected errors. Every method is a counter or gauge update with its labels resolved up front, safe
 * from any thread and allocation-free, so the selector thread can call it on every read and write.
 */
public final class ConnectionMetrics {
  /** Why a WebSocket upgrade was refused: the {@code reason} label of {@code chat_handshakes_refused_total}. */
  public enum HandshakeRefused { ORIGIN, SERVER_FULL, ADDRESS_FULL }

  private final Gauge open;
  private final Counter opened;
  private final CounterDataPoint[] closed;
  private final CounterDataPoint[] handshakesRefused;
  private final Counter framesReceived;
  private final Counter bytesReceived;
  private final Counter bytesSent;
  private final Counter rateLimited;
  private final Counter slowConsumerDrops;
  private final Counter stallRescues;
  private final Counter unexpectedErrors;

  public ConnectionMetrics(PrometheusRegistry registry) {
    open = Gauge.builder().name("chat_connections_open").help("Open WebSocket connections")
        .withoutExemplars().register(registry);
    opened = counter(registry, "chat_connections_opened", "WebSocket connections opened (upgraded)");
    Counter closedByReason = Counter.builder().name("chat_connections_closed")
        .help("WebSocket connections closed, by why they ended").labelNames("reason").withoutExemplars()
        .register(registry);
    closed = Labels.resolve(closedByReason, CloseReason.values(), CloseReason::label);
    Counter refused = Counter.builder().name("chat_handshakes_refused")
        .help("WebSocket upgrades refused: origin not allowed (403), server full (503), address over its cap"
            + " (429)").labelNames("reason").withoutExemplars().register(registry);
    handshakesRefused = Labels.resolve(refused, HandshakeRefused.values(), Labels::lower);
    framesReceived = counter(registry, "chat_frames_received",
        "Text and binary WebSocket messages received from clients, before the rate limit");
    bytesReceived = counter(registry, "chat_received_bytes",
        "Bytes read from WebSocket sockets (handshakes and frame headers included)");
    bytesSent = counter(registry, "chat_sent_bytes",
        "Bytes written to WebSocket sockets (handshakes and frame headers included)");
    rateLimited = counter(registry, "chat_frames_rate_limited", "Frames refused by the per-connection rate limit");
    slowConsumerDrops = counter(registry, "chat_slow_consumer_drops",
        "Connections cut because more than --max-buffered-bytes waited to be sent to them");
    stallRescues = counter(registry, "chat_write_stall_rescues",
        "Stalled writes the write path's safety net had to restart (0 in a healthy server)");
    unexpectedErrors = counter(registry, "chat_unexpected_errors",
        "Failures no client input should cause (bugs; 0 in a healthy server)");
  }

  private static Counter counter(PrometheusRegistry registry, String name, String help) {
    return Counter.builder().name(name).help(help).withoutExemplars().register(registry);
  }

  /** A connection completed its upgrade and is open. */
  public void opened() {
    opened.inc();
    open.inc();
  }

  /** An open connection ended, for {@code reason}. */
  public void closed(CloseReason reason) {
    open.dec();
    closed[reason.ordinal()].inc();
  }

  public void handshakeRefused(HandshakeRefused reason) {
    handshakesRefused[reason.ordinal()].inc();
  }

  public void frameReceived() {
    framesReceived.inc();
  }

  public void bytesReceived(int bytes) {
    bytesReceived.inc(bytes);
  }

  public void bytesSent(int bytes) {
    bytesSent.inc(bytes);
  }

  public void rateLimited() {
    rateLimited.inc();
  }

  public void slowConsumerDropped() {
    slowConsumerDrops.inc();
  }

  public void stallRescued() {
    stallRescues.inc();
  }

  public void unexpectedError() {
    unexpectedErrors.inc();
  }
}
