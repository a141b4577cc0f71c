package chat.server.http;

import chat.server.metrics.ServerMetrics;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The admin listener ({@code --admin-host}, {@code --admin-port}): {@code GET /metrics} in the Prometheus text
 * format, written by the Prometheus client, and nothing else. It is a separate socket, by default on the
 * loopback address only, so the public port never shows metrics (docs/decisions/0014-metrics.md).
 */
public final class AdminListener implements AutoCloseable {
  /** Scrapes come one at a time from a Prometheus or two; a second thread keeps a slow one from blocking. */
  private static final int THREADS = 2;

  private final PooledHttpServer server;
  private final ServerMetrics metrics;

  public AdminListener(InetSocketAddress address, ServerMetrics metrics, Duration requestTimeout)
      throws IOException {
    SlowRequestGuard.apply(requestTimeout);
    this.metrics = metrics;
    server = new PooledHttpServer(address, 16, THREADS, "admin-http", Map.of("/", this::handle));
  }

  /** The bound address: {@code --admin-host}, and the port (the one picked, for port 0). */
  public InetSocketAddress address() {
    return server.address();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!exchange.getRequestURI().getPath().equals("/metrics")) {
        plain(exchange, 404, "Not found: the admin listener serves /metrics\n");
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        plain(exchange, 405, "Method not allowed\n");
      } else {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        metrics.writeTo(body);
        send(exchange, 200, metrics.contentType(), body.toByteArray());
      }
    }
  }

  private static void plain(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
    }
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
