package chat.server.store;

import java.security.SecureRandom;
import java.util.Base64;

/** New epochs: 96 random bits, URL-safe, so that no two histories of a room ever share one. */
final class EpochSource {
  private static final int EPOCH_BYTES = 12;

  private final SecureRandom random = new SecureRandom();

  String next() {
    byte[] bytes = new byte[EPOCH_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
