package chat.desktop.location;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Asks the user for a position (called on the UI thread); empty when they cancel. */
public interface LocationPrompt {
  CompletableFuture<Optional<GeoPosition>> ask(Optional<GeoPosition> current);
}
