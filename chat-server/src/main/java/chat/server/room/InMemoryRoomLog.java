package chat.server.room;

import chat.protocol.ServerMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The room log in memory: a counter and the last {@link #DEFAULT_CAPACITY} messages per room with people in
 * it, all gone when the room empties ({@link #forget}). Nothing survives a restart.
 */
public final class InMemoryRoomLog implements RoomLog {
  /** Enough for a newcomer's backlog; at 2,000 characters a message, at most about 400 KB a room. */
  public static final int DEFAULT_CAPACITY = 100;

  private final int capacity;
  private final Map<String, History> rooms = new ConcurrentHashMap<>();

  public InMemoryRoomLog() {
    this(DEFAULT_CAPACITY);
  }

  public InMemoryRoomLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public ServerMessage append(String room, RoomMessage message) {
    return rooms.computeIfAbsent(room, name -> new History(capacity)).append(message);
  }

  @Override
  public List<ServerMessage> recent(String room, int limit) {
    return before(room, Long.MAX_VALUE, limit);
  }

  @Override
  public List<ServerMessage> before(String room, long id, int limit) {
    History history = rooms.get(room);
    return history == null ? List.of() : history.before(id, limit);
  }

  @Override
  public void forget(String room) {
    rooms.remove(room);
  }

  /** One room's counter and its latest messages, oldest first. */
  private static final class History {
    private record Entry(long id, ServerMessage message) {}

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long lastId;

    History(int capacity) {
      this.capacity = capacity;
    }

    synchronized ServerMessage append(RoomMessage message) {
      long id = ++lastId;
      ServerMessage numbered = message.withId(id);
      entries.addLast(new Entry(id, numbered));
      if (entries.size() > capacity) {
        entries.removeFirst();
      }
      return numbered;
    }

    synchronized List<ServerMessage> before(long id, int limit) {
      List<ServerMessage> picked = new ArrayList<>();
      Iterator<Entry> newestFirst = entries.descendingIterator();
      while (newestFirst.hasNext() && picked.size() < limit) {
        Entry entry = newestFirst.next();
        if (entry.id() < id) {
          picked.add(entry.message());
        }
      }
      Collections.reverse(picked);
      return List.copyOf(picked);
    }
  }
}
