package chat.server.http;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;

/**
 * The WebSocket URL a page should connect to: the configured public URL, or the host the browser used to reach
 * this page with the WebSocket port (so the same server works as localhost, by IP or by name).
 */
final class WsUrlResolver {
  private final String publicWsUrl;
  private final int wsPort;

  WsUrlResolver(String publicWsUrl, int wsPort) {
    this.publicWsUrl = publicWsUrl;
    this.wsPort = wsPort;
  }

  String resolve(HttpExchange exchange) {
    if (publicWsUrl != null) {
      return publicWsUrl;
    }
    return "ws://" + hostOf(exchange.getRequestHeaders().getFirst("Host")) + ":" + wsPort;
  }

  /** The origin part ({@code ws://host:port}) of {@link #resolve}, for the page's connect-src. */
  String origin(HttpExchange exchange) {
    URI uri = URI.create(resolve(exchange));
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** The Host header without its port; anything unusable falls back to localhost. */
  static String hostOf(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return "localhost";
    }
    String host = hostHeader.strip();
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end > 0 && host.substring(1, end).matches("[0-9A-Fa-f:.]+") ? host.substring(0, end + 1) : "localhost";
    }
    int colon = host.indexOf(':');
    String name = colon >= 0 ? host.substring(0, colon) : host;
    return name.matches("[A-Za-z0-9.-]{1,253}") ? name : "localhost";
  }
}
