package chat.server.http;

import chat.protocol.ProtocolCodec;
import chat.server.room.RoomService;
import chat.server.room.Unavailable;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The small JSON API next to the pages: {@code /config.json} (where the WebSocket is, and the limits clients
 * enforce before the server would refuse), {@code /api/rooms} (rooms with people in them) and {@code /healthz}.
 */
final class ApiHandler implements HttpHandler {
  private final ResponseWriter responses;
  private final WsUrlResolver wsUrls;
  private final RoomService rooms;
  private final ProtocolCodec codec;
  private final Health.Check health;
  private final Gson json = new GsonBuilder().disableHtmlEscaping().create();
  private final ClientLimits limits;

  ApiHandler(ResponseWriter responses, WsUrlResolver wsUrls, RoomService rooms, ProtocolCodec codec,
      Health.Check health, ClientLimits limits) {
    this.limits = limits;
    this.responses = responses;
    this.wsUrls = wsUrls;
    this.rooms = rooms;
    this.codec = codec;
    this.health = health;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!responses.allowRead(exchange)) {
      return;
    }
    switch (exchange.getRequestURI().getPath()) {
      case "/config.json":
        responses.json(exchange, json.toJson(clientConfig(exchange)));
        break;
      case "/api/rooms":
        rooms(exchange);
        break;
      case "/healthz":
        Health now = health.now();
        responses.send(exchange, now.httpStatus(), "application/json; charset=utf-8",
            json.toJson(now).getBytes(StandardCharsets.UTF_8), "no-store");
        break;
      default:
        responses.text(exchange, 404, "Not found\n");
    }
  }

  /** The rooms list; 503 while it cannot be counted (cluster mode with Redis away). */
  private void rooms(HttpExchange exchange) throws IOException {
    String body;
    try {
      body = codec.encodeRooms(rooms.activeRooms());
    } catch (Unavailable e) {
      responses.text(exchange, 503, "The rooms cannot be counted right now; try again in a moment\n");
      return;
    }
    responses.json(exchange, body);
  }

  /** The body of {@code /config.json}: {@code wsUrl}, then the limits under their record's names. */
  private JsonObject clientConfig(HttpExchange exchange) {
    JsonObject body = new JsonObject();
    body.addProperty("wsUrl", wsUrls.resolve(exchange));
    json.toJsonTree(limits).getAsJsonObject().asMap().forEach(body::add);
    return body;
  }
}
