package chat.desktop.net;

import chat.protocol.ActiveRooms;
import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads {@code GET /api/rooms} and the limits in {@code GET /config.json}; a WebSocket-only address has
 * neither, which is not an error (no room list, the default limits).
 */
public final class HttpRoomDirectory implements RoomDirectory {
  private final HttpClient http;
  private final ProtocolCodec codec = new ProtocolCodec();

  public HttpRoomDirectory(HttpClient http) {
    this.http = http;
  }

  @Override
  public CompletableFuture<List<ActiveRooms.Room>> activeRooms(ServerAddress address) {
    if (address.httpBase().isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    URI rooms = address.httpBase().get().resolve("api/rooms");
    HttpRequest request = HttpRequest.newBuilder(rooms).timeout(Duration.ofSeconds(5)).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response -> {
              if (response.statusCode() != 200) {
                throw new RequestFailedException("The room list is unavailable (" + response.statusCode() + ")");
              }
              return decode(response.body());
            });
  }

  @Override
  public CompletableFuture<ServerLimits> limits(ServerAddress address) {
    if (address.httpBase().isEmpty()) {
      return CompletableFuture.completedFuture(ServerLimits.DEFAULT);
    }
    URI config = address.httpBase().get().resolve("config.json");
    HttpRequest request = HttpRequest.newBuilder(config).timeout(Duration.ofSeconds(5)).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> response.statusCode() == 200 ? limitsIn(response.body()) : ServerLimits.DEFAULT);
  }

  /** Each limit the server gives as a positive whole number; the default for one it leaves out or garbles. */
  static ServerLimits limitsIn(String json) {
    JsonObject config;
    try {
      config = JsonParser.parseString(json).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      return ServerLimits.DEFAULT;
    }
    return new ServerLimits(
        positiveInt(config, "maxUsernameLength", ServerLimits.DEFAULT.maxUsernameLength()),
        positiveInt(config, "maxRoomLength", ServerLimits.DEFAULT.maxRoomLength()),
        positiveInt(config, "maxMessageLength", ServerLimits.DEFAULT.maxMessageLength()),
        positiveInt(config, "maxHistoryPage", ServerLimits.DEFAULT.maxHistoryPage()));
  }

  private static int positiveInt(JsonObject config, String key, int fallback) {
    try {
      JsonElement value = config.get(key);
      if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
        return fallback;
      }
      int number = value.getAsBigDecimal().intValueExact();
      return number > 0 ? number : fallback;
    } catch (ArithmeticException e) {
      return fallback;
    }
  }

  private List<ActiveRooms.Room> decode(String json) {
    try {
      return codec.decodeRooms(json).rooms();
    } catch (ProtocolException e) {
      throw new RequestFailedException("The room list is unreadable: " + e.getMessage());
    }
  }
}
