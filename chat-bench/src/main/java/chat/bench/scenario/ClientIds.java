package chat.bench.scenario;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The clientIds a protocol v2 client puts on its sends: 16 hex digits that look random, as a browser's would,
 * and never repeat within one generator: each is a bijective mix (SplitMix64's finaliser) of a per-generator
 * random start plus a counter. A repeat would make the server treat a new message as a retry and post nothing.
 */
final class ClientIds {
  private final long start = ThreadLocalRandom.current().nextLong();
  private long counter;

  String next() {
    String hex = Long.toHexString(mix(start + counter++));
    return "0".repeat(16 - hex.length()) + hex;
  }

  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
