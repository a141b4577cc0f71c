package chat.desktop.location;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LocationChainTest {
  private final List<String> asked = new ArrayList<>();

  private LocationProvider answering(String name, Optional<GeoPosition> position) {
    return () -> {
      asked.add(name);
      return CompletableFuture.completedFuture(position);
    };
  }

  @Test
  void theFirstProviderWithAPositionWins() {
    LocationChain chain = new LocationChain(List.of(
        answering("saved", Optional.of(new GeoPosition(1, 2))), answering("ip", Optional.of(new GeoPosition(3, 4)))));
    assertEquals(Optional.of(new GeoPosition(1, 2)), chain.locate().join());
    assertEquals(List.of("saved"), asked);
  }

  @Test
  void fallsThroughToTheNextProvider() {
    LocationChain chain = new LocationChain(List.of(
        answering("saved", Optional.empty()), answering("ip", Optional.of(new GeoPosition(3, 4)))));
    assertEquals(Optional.of(new GeoPosition(3, 4)), chain.locate().join());
  }

  @Test
  void aFailingProviderCountsAsNoPosition() {
    LocationChain chain = new LocationChain(List.of(
        () -> CompletableFuture.failedFuture(new IllegalStateException("offline")),
        answering("ip", Optional.of(new GeoPosition(3, 4)))));
    assertEquals(Optional.of(new GeoPosition(3, 4)), chain.locate().join());
  }

  @Test
  void noProviderWithAPositionMeansEmptyNeverAGuess() {
    LocationChain chain = new LocationChain(List.of(answering("saved", Optional.empty())));
    assertEquals(Optional.empty(), chain.locate().join());
  }
}
