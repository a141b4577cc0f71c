package chat.desktop.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A server address as the user typed it: the HTTP base of the server (whose {@code /config.json} names the
 * WebSocket URL and whose {@code /api/rooms} lists rooms), or a WebSocket URL used directly.
 */
public final class ServerAddress {
  private final URI httpBase;
  private final URI webSocket;

  private ServerAddress(URI httpBase, URI webSocket) {
    this.httpBase = httpBase;
    this.webSocket = webSocket;
  }

  /**
   * Parses user input; a bare {@code host:port} means HTTP.
   *
   * @throws IllegalArgumentException with a message for the user when the address is unusable
   */
  public static ServerAddress parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("Enter the server address");
    }
    URI uri = toUri(trimmed.contains("://") ? trimmed : "http://" + trimmed);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "http":
      case "https":
        return new ServerAddress(withDirectoryPath(uri), null);
      case "ws":
      case "wss":
        return new ServerAddress(null, uri);
      default:
        throw new IllegalArgumentException("Use an http://, https://, ws:// or wss:// server address");
    }
  }

  /** The HTTP base, ending in "/", when the address is an HTTP one. */
  public Optional<URI> httpBase() {
    return Optional.ofNullable(httpBase);
  }

  /** The WebSocket URL, when the address was given as one. */
  public Optional<URI> webSocket() {
    return Optional.ofNullable(webSocket);
  }

  @Override
  public String toString() {
    return (httpBase != null ? httpBase : webSocket).toString();
  }

  private static URI toUri(String text) {
    try {
      URI uri = new URI(text);
      if (uri.getHost() == null || uri.getScheme() == null) {
        throw new IllegalArgumentException("The server address needs a host, like http://localhost:3000");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("That is not a valid server address");
    }
  }

  private static URI withDirectoryPath(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
  }
}
