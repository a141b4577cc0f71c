package chat.server.cluster;

import chat.protocol.ServerMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A room as this node's members have it, changed only in the room's sequence: its epoch, the last id handed
 * to them, the lowest id the log still keeps, and the latest messages, so that a join's history rarely reads
 * Redis. {@code epoch} and {@code firstId} are read from other threads too (history pages).
 */
final class PublishedRoom {
  private final int tailCapacity;
  private final int historyLimit;
  private final ArrayDeque<LogEntry> tail = new ArrayDeque<>();
  private volatile String epoch;
  private volatile long lastId;
  private volatile long firstId;

  PublishedRoom(int tailCapacity, int historyLimit, String epoch, long lastId, long firstId, List<LogEntry> latest) {
    this.tailCapacity = tailCapacity;
    this.historyLimit = historyLimit;
    this.epoch = epoch;
    this.lastId = lastId;
    this.firstId = firstId;
    latest.forEach(this::add);
  }

  String epoch() {
    return epoch;
  }

  long lastId() {
    return lastId;
  }

  /** The lowest id still in the log: the log keeps the newest {@code historyLimit}. */
  long firstId() {
    return Math.max(firstId, lastId - historyLimit + 1);
  }

  /** Handed to members: from now on they may have it. A new epoch starts the room afresh. */
  void published(LogEntry entry) {
    if (epoch == null || !epoch.equals(entry.epoch())) {
      epoch = entry.epoch();
      tail.clear();
      firstId = entry.id();
    }
    lastId = entry.id();
    add(entry);
  }

  /** The messages with {@code after < id}, when the tail still holds all of them; else null. */
  List<ServerMessage> tailAfter(long after) {
    if (after >= lastId) {
      return List.of();
    }
    if (tail.isEmpty() || tail.peekFirst().id() > after + 1) {
      return null;
    }
    List<ServerMessage> picked = new ArrayList<>((int) (lastId - after));
    for (LogEntry entry : tail) {
      if (entry.id() > after) {
        picked.add(entry.message());
      }
    }
    return picked;
  }

  /** The latest {@code limit} messages when the tail holds that many (or all there are); else null. */
  List<ServerMessage> tailLatest(int limit) {
    long wanted = Math.min(limit, lastId - firstId() + 1);
    if (wanted <= 0) {
      return List.of();
    }
    if (tail.size() < wanted) {
      return null;
    }
    List<ServerMessage> picked = new ArrayList<>((int) wanted);
    Iterator<LogEntry> newestFirst = tail.descendingIterator();
    while (picked.size() < wanted) {
      picked.add(newestFirst.next().message());
    }
    Collections.reverse(picked);
    return picked;
  }

  private void add(LogEntry entry) {
    tail.addLast(entry);
    if (tail.size() > tailCapacity) {
      tail.removeFirst();
    }
  }
}
