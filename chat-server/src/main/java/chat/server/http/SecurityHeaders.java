package chat.server.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * Headers that keep the pages to their own scripts and styles: no inline script, no other hosts, no framing, no
 * content sniffing, no referrer leaks. The only other place a page may talk to is the chat's WebSocket.
 */
final class SecurityHeaders {
  private final WsUrlResolver wsUrls;

  SecurityHeaders(WsUrlResolver wsUrls) {
    this.wsUrls = wsUrls;
  }

  void apply(HttpExchange exchange) {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
        + "img-src 'self' data:; connect-src 'self' " + wsUrls.origin(exchange) + "; "
        + "manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Cross-Origin-Opener-Policy", "same-origin");
  }
}
