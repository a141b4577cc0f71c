package chat.server.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes complete responses with the security headers every page needs; HEAD gets headers only. */
final class ResponseWriter {
  private final SecurityHeaders securityHeaders;

  ResponseWriter(SecurityHeaders securityHeaders) {
    this.securityHeaders = securityHeaders;
  }

  /** Answers only GET and HEAD; returns false (having sent 405) for any other method. */
  boolean allowRead(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
    text(exchange, 405, "Method not allowed\n");
    return false;
  }

  void text(HttpExchange exchange, int status, String body) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), "no-store");
  }

  void json(HttpExchange exchange, String body) throws IOException {
    send(exchange, 200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), "no-store");
  }

  void send(HttpExchange exchange, int status, String contentType, byte[] body, String cacheControl)
      throws IOException {
    securityHeaders.apply(exchange);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", cacheControl);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
    }
    exchange.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }
}
