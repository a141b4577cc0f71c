package chat.desktop.location;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One source of the user's position; empty when it has none (it never guesses). */
public interface LocationProvider {
  CompletableFuture<Optional<GeoPosition>> locate();
}
