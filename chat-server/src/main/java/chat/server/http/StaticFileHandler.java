package chat.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the browser pages from the classpath folder {@code /public}. A path is resolved only if every segment is
 * a plain file or folder name: no dot segments, no encoded or back slashes, no absolute paths, so nothing outside
 * that folder can ever be named. Only known file types are served, each with its content type.
 */
final class StaticFileHandler implements HttpHandler {
  private static final String ROOT = "/public";
  private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json; charset=utf-8"),
      Map.entry("webmanifest", "application/manifest+json; charset=utf-8"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("woff2", "font/woff2"));

  private final ResponseWriter responses;
  /** The pages are small and fixed for the life of the process, so each is read from the jar once. */
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  StaticFileHandler(ResponseWriter responses) {
    this.responses = responses;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!responses.allowRead(exchange)) {
      return;
    }
    Optional<String> resource = resolve(exchange.getRequestURI().getRawPath());
    byte[] body = resource.map(this::load).orElse(null);
    if (body == null) {
      responses.text(exchange, 404, "Not found\n");
      return;
    }
    String type = TYPES.get(extension(resource.get()));
    responses.send(exchange, 200, type, body, "no-cache");
  }

  /** The classpath resource for a raw request path, or empty when the path is not a safe, known file. */
  static Optional<String> resolve(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/") || rawPath.contains("\\")
        || rawPath.toLowerCase(Locale.ROOT).contains("%2f") || rawPath.toLowerCase(Locale.ROOT).contains("%5c")) {
      return Optional.empty();
    }
    String path;
    try {
      path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (path.endsWith("/")) {
      path = path + "index.html";
    }
    String[] segments = path.substring(1).split("/", -1);
    for (String segment : segments) {
      if (!SAFE_SEGMENT.matcher(segment).matches() || segment.contains("..")) {
        return Optional.empty();
      }
    }
    return TYPES.containsKey(extension(path)) ? Optional.of(ROOT + path) : Optional.empty();
  }

  private byte[] load(String resource) {
    byte[] cached = cache.get(resource);
    if (cached != null) {
      return cached;
    }
    try (InputStream in = StaticFileHandler.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      byte[] body = in.readAllBytes();
      cache.put(resource, body);
      return body;
    } catch (IOException e) {
      return null;
    }
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    int slash = path.lastIndexOf('/');
    return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
