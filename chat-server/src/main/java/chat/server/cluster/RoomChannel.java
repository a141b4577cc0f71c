package chat.server.cluster;

import chat.server.room.RoomLog;
import chat.server.room.RoomMessage;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One room's subscription on this node and its place in the room's one order, kept by the {@link RoomFeed} on
 * its thread only. Messages are handed on strictly by id: one that arrives early waits for those before it;
 * this node's own requests (appends and tasks) keep their call order among themselves.
 */
final class RoomChannel {
  enum State { SUBSCRIBING, READY }

  /** A request of this node's, in call order. */
  sealed interface Op permits Append, Task {}

  /** A post waiting for its id; {@code report} is set once it ends without a message (repeat or failure). */
  static final class Append implements Op {
    final String origin;
    final RoomMessage message;
    final String senderKey;
    final RoomLog.Outcome outcome;
    boolean sent;
    boolean done;
    Runnable report;

    Append(String origin, RoomMessage message, String senderKey, RoomLog.Outcome outcome) {
      this.origin = origin;
      this.message = message;
      this.senderKey = senderKey;
      this.outcome = outcome;
    }
  }

  record Task(Runnable work) implements Op {}

  final String room;
  State state = State.SUBSCRIBING;
  String epoch;
  /** The id handed on next. */
  long expected;
  final TreeMap<Long, LogEntry> early = new TreeMap<>();
  final ArrayDeque<Op> ops = new ArrayDeque<>();
  final Map<String, Append> pending = new HashMap<>();
  boolean gapCheckDue;
  long idleSinceNanos = System.nanoTime();

  RoomChannel(String room) {
    this.room = room;
  }
}
