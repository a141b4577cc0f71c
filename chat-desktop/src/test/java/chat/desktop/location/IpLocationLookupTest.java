package chat.desktop.location;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IpLocationLookupTest {
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void readsLatitudeAndLongitudeFromTheEndpoint() throws IOException {
    URI endpoint = serve(200, "{\"ip\":\"192.0.2.1\",\"latitude\":51.5,\"longitude\":-0.12}");
    assertEquals(Optional.of(new GeoPosition(51.5, -0.12)), lookup(endpoint));
  }

  @Test
  void acceptsLatAndLonNames() {
    assertEquals(Optional.of(new GeoPosition(1, 2)), IpLocationLookup.parse("{\"lat\":1,\"lon\":2}"));
  }

  @Test
  void anAnswerWithoutCoordinatesIsNoPosition() {
    assertEquals(Optional.empty(), IpLocationLookup.parse("{\"status\":\"fail\"}"));
  }

  @Test
  void coordinatesOutOfRangeAreNoPosition() {
    assertEquals(Optional.empty(), IpLocationLookup.parse("{\"lat\":100,\"lon\":2}"));
  }

  @Test
  void anErrorStatusIsNoPosition() throws IOException {
    assertEquals(Optional.empty(), lookup(serve(500, "{\"lat\":1,\"lon\":2}")));
  }

  @Test
  void anUnreachableEndpointIsNoPosition() {
    assertEquals(Optional.empty(), lookup(URI.create("http://127.0.0.1:1/json")));
  }

  private Optional<GeoPosition> lookup(URI endpoint) {
    return new IpLocationLookup(HttpClient.newHttpClient(), endpoint).locate().join();
  }

  private URI serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/json", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/json");
  }
}
