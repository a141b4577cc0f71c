package chat.server.browser;

import java.util.concurrent.atomic.AtomicInteger;

/** Room names no other test uses, so tests sharing one server and browser cannot see each other. */
final class UniqueRooms {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private UniqueRooms() {}

  static String next(String prefix) {
    return prefix + "-" + COUNTER.incrementAndGet();
  }
}
