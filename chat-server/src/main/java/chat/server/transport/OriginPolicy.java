package chat.server.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web pages may open a chat connection, against cross-site WebSocket hijacking: a browser lets any page
 * open a WebSocket to any host, but always says which page in {@code Origin}. Allowed: requests without an Origin (the desktop
 * client and tools are not browsers), pages served by this server (same host as the request, on the HTTP port or
 * on the port the WebSocket request itself came to, as behind a reverse proxy), and configured origins.
 */
final class OriginPolicy {
  private final Set<String> allowedOrigins;
  private volatile int pagePort;

  OriginPolicy(List<String> allowedOrigins, int pagePort) {
    this.allowedOrigins = allowedOrigins.stream()
        .map(OriginPolicy::normalise)
        .flatMap(Optional::stream)
        .collect(Collectors.toUnmodifiableSet());
    this.pagePort = pagePort;
  }

  /** The HTTP port the pages are served on, known only once that server is bound. */
  void pagePort(int port) {
    this.pagePort = port;
  }

  /** True when a handshake with this {@code Origin} and {@code Host} header may proceed. */
  boolean allows(String origin, String hostHeader) {
    if (origin == null || origin.isEmpty()) {
      return true;
    }
    Optional<String> normalised = normalise(origin);
    if (normalised.isEmpty()) {
      return false;
    }
    return allowedOrigins.contains(normalised.get()) || isSameSite(URI.create(normalised.get()), hostHeader);
  }

  private boolean isSameSite(URI origin, String hostHeader) {
    Optional<URI> host = parse("http://" + (hostHeader == null ? "" : hostHeader.strip()));
    if (host.isEmpty() || host.get().getHost() == null
        || !host.get().getHost().equalsIgnoreCase(origin.getHost())) {
      return false;
    }
    int requestPort = host.get().getPort() >= 0 ? host.get().getPort() : defaultPort(origin.getScheme());
    return origin.getPort() == pagePort || origin.getPort() == requestPort;
  }

  /** {@code scheme://host:port} with the default port made explicit, or empty for anything but an http(s) origin. */
  static Optional<String> normalise(String origin) {
    Optional<URI> uri = parse(origin.strip());
    if (uri.isEmpty()) {
      return Optional.empty();
    }
    String scheme = uri.get().getScheme() == null ? "" : uri.get().getScheme().toLowerCase(Locale.ROOT);
    String host = uri.get().getHost();
    String path = uri.get().getRawPath();
    boolean plain = uri.get().getRawUserInfo() == null && uri.get().getRawQuery() == null
        && uri.get().getRawFragment() == null && (path == null || path.isEmpty() || path.equals("/"));
    if (!(scheme.equals("http") || scheme.equals("https")) || host == null || !plain) {
      return Optional.empty();
    }
    int port = uri.get().getPort() >= 0 ? uri.get().getPort() : defaultPort(scheme);
    return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port);
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  private static Optional<URI> parse(String text) {
    try {
      return Optional.of(new URI(text));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
