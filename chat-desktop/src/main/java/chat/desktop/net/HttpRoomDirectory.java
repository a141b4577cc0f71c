package chat.desktop.net;

import chat.protocol.ActiveRooms;
import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Reads {@code GET /api/rooms}; a WebSocket-only address has no room list, which is not an error. */
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

  private List<ActiveRooms.Room> decode(String json) {
    try {
      return codec.decodeRooms(json).rooms();
    } catch (ProtocolException e) {
      throw new RequestFailedException("The room list is unreadable: " + e.getMessage());
    }
  }
}
