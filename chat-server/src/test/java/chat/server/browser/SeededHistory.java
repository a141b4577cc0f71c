package chat.server.browser;

import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import chat.server.room.RoomMessage;
import chat.server.store.Batch;
import chat.server.store.MemoryHistoryStore;
import chat.server.store.RoomState;
import chat.server.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A memory store holding a room's history from before the server started, so that a test can show messages
 * from other days (the server stamps live messages with its own clock) or thousands of them at once.
 */
final class SeededHistory {
  private final String room;
  private final List<Batch.Append> messages = new ArrayList<>();
  private final long now = seedingNow(System.currentTimeMillis());

  private SeededHistory(String room) {
    this.room = room;
  }

  static SeededHistory of(String room) {
    return new SeededHistory(room.toLowerCase(Locale.ROOT));
  }

  /**
   * The moment the seeded times count back from: now, except in the first quarter hour of the day (in the JVM's
   * zone, which the browser shares), when it is a quarter past midnight, so that "minutes ago" still falls on
   * today's date and "a day ago" on yesterday's whenever the test runs. A few minutes in the future is harmless:
   * the pages date a message by its day, not by how long ago it was.
   */
  private static long seedingNow(long wallClock) {
    ZoneId zone = ZoneId.systemDefault();
    long dayStart = Instant.ofEpochMilli(wallClock).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant()
        .toEpochMilli();
    return Math.max(wallClock, dayStart + Duration.ofMinutes(15).toMillis());
  }

  /** A text by {@code username}, sent {@code ago} before now (see {@link #seedingNow}). */
  SeededHistory text(String username, String text, Duration ago) {
    long id = messages.size() + 1;
    RoomMessage message = new RoomMessage.Text(username, text, now - ago.toMillis(), false);
    messages.add(new Batch.Append(room, id, username.toLowerCase(Locale.ROOT), message));
    return this;
  }

  /** {@code count} texts "message 1" … by Bob and Carol in turn, a minute apart, the last a minute ago. */
  SeededHistory numbered(int count) {
    for (int i = 1; i <= count; i++) {
      text(i % 2 == 0 ? "Carol" : "Bob", "message " + i, Duration.ofMinutes(count - i + 1L));
    }
    return this;
  }

  /** A server on free ports over a memory store holding this history; {@code args} as on the command line. */
  ChatServer start(String... args) {
    List<String> all = new ArrayList<>(List.of("--store", "memory"));
    all.addAll(List.of(args));
    ServerConfig config = ServerConfig.parse(all.toArray(String[]::new), Map.of()).withPorts(0, 0);
    MemoryHistoryStore store = new MemoryHistoryStore();
    try {
      store.commit(new Batch(List.of(new RoomState(room, "seeded", 0, 1)), messages, List.of(), List.of()));
    } catch (StoreException e) {
      throw new IllegalStateException(e);
    }
    return ChatServer.start(config, store);
  }
}
