package chat.desktop.location;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An approximate position from an IP geolocation endpoint the user configured (off by default: it sends the
 * user's address to a third party). Reads {@code latitude}/{@code longitude} or {@code lat}/{@code lon}; any
 * failure or odd answer means "no position", never a made-up one.
 */
public final class IpLocationLookup implements LocationProvider {
  private static final Logger log = LoggerFactory.getLogger(IpLocationLookup.class);

  private final HttpClient http;
  private final URI endpoint;

  public IpLocationLookup(HttpClient http, URI endpoint) {
    this.http = http;
    this.endpoint = endpoint;
  }

  @Override
  public CompletableFuture<Optional<GeoPosition>> locate() {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, error) -> {
              if (error != null || response.statusCode() != 200) {
                log.info("IP location lookup at {} failed", endpoint);
                return Optional.empty();
              }
              return parse(response.body());
            });
  }

  static Optional<GeoPosition> parse(String json) {
    try {
      JsonObject object = JsonParser.parseString(json).getAsJsonObject();
      JsonElement latitude = first(object, "latitude", "lat");
      JsonElement longitude = first(object, "longitude", "lon", "lng");
      if (latitude == null || longitude == null) {
        return Optional.empty();
      }
      return Optional.of(new GeoPosition(latitude.getAsDouble(), longitude.getAsDouble()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static JsonElement first(JsonObject object, String... names) {
    for (String name : names) {
      JsonElement value = object.get(name);
      if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
        return value;
      }
    }
    return null;
  }
}
