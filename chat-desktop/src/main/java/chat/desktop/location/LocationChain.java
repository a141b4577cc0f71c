package chat.desktop.location;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Asks each provider in turn and answers with the first position found; empty when none has one. */
public final class LocationChain implements LocationProvider {
  private final List<LocationProvider> providers;

  public LocationChain(List<LocationProvider> providers) {
    this.providers = List.copyOf(providers);
  }

  @Override
  public CompletableFuture<Optional<GeoPosition>> locate() {
    return tryFrom(0);
  }

  private CompletableFuture<Optional<GeoPosition>> tryFrom(int index) {
    if (index >= providers.size()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return providers
        .get(index)
        .locate()
        .exceptionally(error -> Optional.empty())
        .thenCompose(found -> found.isPresent() ? CompletableFuture.completedFuture(found) : tryFrom(index + 1));
  }
}
