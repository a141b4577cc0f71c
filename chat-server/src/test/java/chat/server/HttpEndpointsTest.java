package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ActiveRooms;
import chat.protocol.ProtocolCodec;
import chat.server.config.ServerConfig;
import chat.server.support.RunningServer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpEndpointsTest {
  @RegisterExtension final RunningServer running = new RunningServer();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void configJsonPointsBrowsersAtTheWebSocketPortOnTheHostTheyUsedAndGivesTheLimits() throws Exception {
    HttpResponse<String> response = get("/config.json");

    assertEquals(200, response.statusCode());
    assertEquals("{\"wsUrl\":\"ws://localhost:" + running.server().wsPort()
        + "\",\"maxUsernameLength\":32,\"maxRoomLength\":64,\"maxMessageLength\":2000,\"maxHistoryPage\":100}",
        response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
  }

  @Test
  void configJsonUsesTheHostOfTheRequest() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + running.server().httpPort() + "/config.json")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals("ws://127.0.0.1:" + running.server().wsPort(), wsUrlIn(response));
  }

  @Test
  void aPublicWebSocketUrlOverridesTheDerivedOne() throws Exception {
    ServerConfig config = ServerConfig.parse(
        new String[] {"--store", "memory", "--public-ws-url", "wss://chat.example.org/ws"},
        Map.of()).withPorts(0, 0);
    try (ChatServer proxied = ChatServer.start(config)) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
          proxied.httpUri().resolve("/config.json")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals("wss://chat.example.org/ws", wsUrlIn(response));
    }
  }

  @Test
  void configJsonTellsTheJoinFormTheServersNameLimits() throws Exception {
    ServerConfig config = ServerConfig.parse(
        new String[] {"--store", "memory", "--max-username-length", "12", "--max-room-length", "20"},
        Map.of()).withPorts(0, 0);
    try (ChatServer limited = ChatServer.start(config)) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
          limited.httpUri().resolve("/config.json")).build(), HttpResponse.BodyHandlers.ofString());
      JsonObject limits = JsonParser.parseString(response.body()).getAsJsonObject();
      assertEquals(12, limits.get("maxUsernameLength").getAsInt());
      assertEquals(20, limits.get("maxRoomLength").getAsInt());
    }
  }

  @Test
  void apiRoomsListsRoomsWithPeopleInThemAndTheirCounts() throws Exception {
    running.joined("Alice", "Lobby");
    running.joined("Bob", "lobby");
    running.joined("Carol", "kitchen");

    HttpResponse<String> response = get("/api/rooms");

    assertEquals(200, response.statusCode());
    assertEquals(new ActiveRooms(List.of(new ActiveRooms.Room("kitchen", 1), new ActiveRooms.Room("lobby", 2))),
        new ProtocolCodec().decodeRooms(response.body()));
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
  }

  @Test
  void apiRoomsIsEmptyWhenNobodyIsThere() throws Exception {
    assertEquals("{\"rooms\":[]}", get("/api/rooms").body());
  }

  @Test
  void healthzAnswers200() throws Exception {
    assertEquals(200, get("/healthz").statusCode());
  }

  @Test
  void healthzReportsStatusUptimeConnectionsRoomsRescuesUnexpectedErrorsAndTheStoreAsJson() throws Exception {
    HttpResponse<String> response = get("/healthz");
    assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    JsonObject health = JsonParser.parseString(response.body()).getAsJsonObject();
    assertEquals("ok", health.get("status").getAsString());
    assertEquals(List.of("status", "uptimeSeconds", "connections", "rooms", "rescues", "unexpectedErrors", "store"),
        List.copyOf(health.keySet()), "storeProblem only when the store fails");
    assertEquals("memory", health.get("store").getAsString());
    assertEquals(0, health.get("rescues").getAsLong());
    assertEquals(0, health.get("unexpectedErrors").getAsLong());
  }

  @Test
  void unknownPathsAre404() throws Exception {
    assertEquals(404, get("/nope.html").statusCode());
    assertEquals(404, get("/api/nope").statusCode());
  }

  private static String wsUrlIn(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject().get("wsUrl").getAsString();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(running.server().httpUri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
