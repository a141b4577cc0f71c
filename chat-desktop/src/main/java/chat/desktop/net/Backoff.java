package chat.desktop.net;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with jitter: attempt n waits between half and all of min(max, initial * 2^n), so
 * clients cut off together by a server restart do not all come back in the same instant.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;

  public Backoff(Duration initial, Duration max, DoubleSupplier random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max");
    }
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** 0.5 s doubling up to 15 s. */
  public static Backoff standard() {
    return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15), ThreadLocalRandom.current()::nextDouble);
  }

  /** The wait before the given retry (0 for the first retry after a loss). */
  public Duration delay(int attempt) {
    long cap = max.toMillis();
    long base = initial.toMillis();
    long ceiling = attempt >= 30 ? cap : Math.min(cap, base << Math.max(0, attempt));
    long half = ceiling / 2;
    return Duration.ofMillis(half + Math.round(random.getAsDouble() * (ceiling - half)));
  }
}
