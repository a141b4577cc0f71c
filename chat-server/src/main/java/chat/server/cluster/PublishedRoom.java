package chat.server.cluster;

import chat.protocol.ServerMessage;
import chat.server.store.RecentMessages;
import java.util.List;

/**
 * A room as this node's members have it, changed only in the room's sequence: its epoch, the last id handed
 * to them, the lowest id the log still keeps, and the latest messages, so that a join's history rarely reads
 * Redis. {@code epoch} and {@code firstId} are read from other threads too (history pages).
 */
final class PublishedRoom {
  private final int historyLimit;
  private final RecentMessages tail;
  private volatile String epoch;
  private volatile long lastId;
  private volatile long firstId;

  PublishedRoom(int tailCapacity, int historyLimit, String epoch, long lastId, long firstId, List<LogEntry> latest) {
    this.historyLimit = historyLimit;
    this.tail = new RecentMessages(tailCapacity);
    this.epoch = epoch;
    this.lastId = lastId;
    this.firstId = firstId;
    latest.forEach(entry -> tail.add(entry.id(), entry.message()));
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
    tail.add(entry.id(), entry.message());
  }

  /** The messages with {@code after < id}, when the tail still holds all of them; else null. */
  List<ServerMessage> tailAfter(long after) {
    return tail.after(after, lastId);
  }

  /** The latest {@code limit} messages when the tail holds that many (or all there are); else null. */
  List<ServerMessage> tailLatest(int limit) {
    return tail.latest(Math.min(limit, lastId - firstId() + 1));
  }
}
