package chat.server.store;

import chat.protocol.ServerMessage;
import java.util.List;

/**
 * One room's place in its id sequence, kept by the {@link GroupCommitLog}: the last id given out, the last id
 * whose outcome has run (what members may have seen), the lowest id still retained, and the most recent
 * published messages so that a join's history rarely needs the store. Everything but {@link #firstId} is used
 * only in the log's sequence; the pruner raises {@code firstId} from its own thread.
 */
final class RoomSequence {
  private final String epoch;
  private final RecentMessages tail;
  private long assignedId;
  private long publishedId;
  private volatile long firstId;
  private boolean stored;

  RoomSequence(RoomState state, int tailCapacity, boolean stored) {
    this.epoch = state.epoch();
    this.assignedId = state.lastId();
    this.publishedId = state.lastId();
    this.firstId = state.firstId();
    this.tail = new RecentMessages(tailCapacity);
    this.stored = stored;
  }

  String epoch() {
    return epoch;
  }

  /** The next id, given out in the log's sequence; {@link #rewind} takes back those of a failed batch. */
  long nextId() {
    return ++assignedId;
  }

  long assignedId() {
    return assignedId;
  }

  void rewind(long lastCommitted) {
    assignedId = lastCommitted;
  }

  /** True once the store has a row for this room. */
  boolean stored() {
    return stored;
  }

  void markStored() {
    stored = true;
  }

  long publishedId() {
    return publishedId;
  }

  long firstId() {
    return firstId;
  }

  /** Retention deleted everything below {@code id}; never lowers it. */
  void retainedFrom(long id) {
    if (id > firstId) {
      firstId = id;
    }
  }

  RoomState state(String room) {
    return new RoomState(room, epoch, assignedId, firstId);
  }

  /** The message's outcome is running: from now on members may have it. */
  void published(long id, ServerMessage message) {
    publishedId = id;
    tail.add(id, message);
  }

  /** The published messages with {@code after < id}, when the tail still holds all of them; else null. */
  List<ServerMessage> tailAfter(long after) {
    return tail.after(after, publishedId);
  }

  /** The latest {@code limit} published messages when the tail holds that many (or all there are); else null. */
  List<ServerMessage> tailLatest(int limit) {
    return tail.latest(Math.min(limit, publishedId - firstId + 1));
  }
}
