package chat.desktop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static Backoff withRandom(double value) {
    return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15), () -> value);
  }

  @Test
  void doublesEachAttempt() {
    Backoff backoff = withRandom(1.0);
    assertEquals(Duration.ofMillis(500), backoff.delay(0));
    assertEquals(Duration.ofMillis(1000), backoff.delay(1));
    assertEquals(Duration.ofMillis(4000), backoff.delay(3));
  }

  @Test
  void isCapped() {
    assertEquals(Duration.ofSeconds(15), withRandom(1.0).delay(10));
    assertEquals(Duration.ofSeconds(15), withRandom(1.0).delay(1000));
  }

  @Test
  void jitterWaitsAtLeastHalf() {
    assertEquals(Duration.ofMillis(250), withRandom(0.0).delay(0));
    assertEquals(Duration.ofMillis(7500), withRandom(0.0).delay(20));
  }
}
