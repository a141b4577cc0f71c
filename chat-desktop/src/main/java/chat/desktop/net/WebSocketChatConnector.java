package chat.desktop.net;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Connects to a server: a WebSocket URL is used as given; an HTTP address is asked for its WebSocket URL
 * through {@code GET /config.json} ({@code {"wsUrl": "ws://…"}}), so the client follows the server's ports.
 */
public final class WebSocketChatConnector implements ChatConnector {
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http;
  private final Supplier<Backoff> backoff;
  private final ConnectionTimings timings;

  public WebSocketChatConnector(HttpClient http, Supplier<Backoff> backoff, ConnectionTimings timings) {
    this.http = http;
    this.backoff = backoff;
    this.timings = timings;
  }

  @Override
  public CompletableFuture<ChatConnection> connect(ServerAddress address) {
    CompletableFuture<URI> webSocket =
        address.webSocket().map(CompletableFuture::completedFuture).orElseGet(() -> lookUp(address));
    return webSocket
        .thenCompose(uri -> new WebSocketChatConnection(http, uri, backoff.get(), timings).open())
        .thenApply(connection -> connection);
  }

  private CompletableFuture<URI> lookUp(ServerAddress address) {
    URI config = address.httpBase().orElseThrow().resolve("config.json");
    HttpRequest request = HttpRequest.newBuilder(config).timeout(HTTP_TIMEOUT).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, error) -> {
              if (error != null) {
                throw CannotConnect.because(address, error);
              }
              if (response.statusCode() != 200) {
                throw new RequestFailedException("Cannot reach the chat server at " + address);
              }
              return webSocketUrl(response.body(), address);
            });
  }

  private static URI webSocketUrl(String json, ServerAddress address) {
    try {
      JsonElement wsUrl = JsonParser.parseString(json).getAsJsonObject().get("wsUrl");
      URI uri = URI.create(wsUrl.getAsString());
      if (uri.getScheme() == null || !uri.getScheme().startsWith("ws")) {
        throw new IllegalArgumentException("not a WebSocket URL");
      }
      return uri;
    } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
        | UnsupportedOperationException e) {
      throw new RequestFailedException(address + " does not look like a chat server (bad /config.json)");
    }
  }
}
