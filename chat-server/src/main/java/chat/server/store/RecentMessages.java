package chat.server.store;

import chat.protocol.ServerMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A room's latest messages handed to its members, up to a capacity, so that a join's history or a short
 * resume rarely reads the store. Used in the room's sequence only (one thread at a time).
 */
public final class RecentMessages {
  private record Entry(long id, ServerMessage message) {}

  private final int capacity;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();

  public RecentMessages(int capacity) {
    this.capacity = capacity;
  }

  public void add(long id, ServerMessage message) {
    entries.addLast(new Entry(id, message));
    if (entries.size() > capacity) {
      entries.removeFirst();
    }
  }

  public void clear() {
    entries.clear();
  }

  /** The messages with {@code after < id <= last}, when all of them are here; else null. */
  public List<ServerMessage> after(long after, long last) {
    if (after >= last) {
      return List.of();
    }
    if (entries.isEmpty() || entries.peekFirst().id() > after + 1) {
      return null;
    }
    List<ServerMessage> picked = new ArrayList<>((int) (last - after));
    for (Entry entry : entries) {
      if (entry.id() > after) {
        picked.add(entry.message());
      }
    }
    return picked;
  }

  /** The latest {@code wanted} messages, oldest first, when that many are here; else null. */
  public List<ServerMessage> latest(long wanted) {
    if (wanted <= 0) {
      return List.of();
    }
    if (entries.size() < wanted) {
      return null;
    }
    List<ServerMessage> picked = new ArrayList<>((int) wanted);
    Iterator<Entry> newestFirst = entries.descendingIterator();
    while (picked.size() < wanted) {
      picked.add(newestFirst.next().message());
    }
    Collections.reverse(picked);
    return picked;
  }
}
