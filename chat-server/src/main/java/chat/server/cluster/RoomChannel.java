package chat.server.cluster;

import chat.server.room.RoomLog;
import chat.server.room.RoomMessage;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room's place in its one order on this node, kept by the {@link RoomFeed} on its thread only. Messages
 * are handed on strictly by id: one that arrives early waits for those before it. This node's own requests
 * (appends and tasks) keep their call order among themselves: a task runs once every earlier request of this
 * node for the room has been handed on.
 */
final class RoomChannel {
  private static final Logger log = LoggerFactory.getLogger(RoomChannel.class);

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

  /** Where the channel hands things on, in the room's order. */
  interface Sink {
    /** A numbered message; {@code own} is this node's request for it, or null for another node's. */
    void message(LogEntry entry, Append own);

    void run(Runnable work);

    /** Messages wait for a missing one: look in the log if it has not come after a while. */
    void gap();
  }

  final String room;
  State state = State.SUBSCRIBING;
  String epoch;
  /** The id handed on next. */
  long expected;
  final ArrayDeque<Op> ops = new ArrayDeque<>();
  private final TreeMap<Long, LogEntry> early = new TreeMap<>();
  private final Map<String, Append> pending = new HashMap<>();
  /** Where this channel hands on; set by the feed when it opens the channel. */
  Sink sink;
  boolean gapCheckDue;
  long idleSinceNanos = System.nanoTime();

  RoomChannel(String room) {
    this.room = room;
  }

  /** Subscribed, as of the room's {@code last} id: what came on the channel before that is history. */
  void ready(String currentEpoch, long last) {
    state = State.READY;
    epoch = currentEpoch;
    expected = last + 1;
    early.headMap(expected).clear();
    drain();
  }

  void add(Append append) {
    ops.add(append);
    pending.put(append.origin, append);
  }

  void add(Task task) {
    ops.add(task);
    drain();
  }

  /** True while nothing of this node's waits here. */
  boolean idle() {
    return state == State.READY && ops.isEmpty() && pending.isEmpty();
  }

  /** The earliest id waiting for a missing one, or 0. */
  long firstEarly() {
    return early.isEmpty() ? 0 : early.firstKey();
  }

  /** A numbered message, from the channel, a script's reply or the log. */
  void accept(LogEntry entry) {
    if (state == State.READY) {
      if (epoch != null && !epoch.equals(entry.epoch())) {
        log.warn("#{} starts a new epoch ({} after {}): its history in Redis was lost", room, entry.epoch(), epoch);
        early.clear();
        // Wherever the new epoch's ids start, its log holds them all (a new epoch starts an empty log): the
        // gap from 1 is read from it, and what it does not have is skipped.
        expected = 1;
      }
      epoch = entry.epoch();
      if (entry.id() < expected) {
        return; // handed on already
      }
    }
    early.putIfAbsent(entry.id(), entry);
    drain();
  }

  /** The post script numbered this node's message (unless its copy came on the channel first). */
  void posted(Append append, long id, String scriptEpoch) {
    if (pending.containsKey(append.origin)) {
      accept(numbered(append, id, scriptEpoch));
    }
  }

  /** True for a message of the current epoch handed on already: a second copy of it needs no reading. */
  boolean handedOn(long id, String ofEpoch) {
    return state == State.READY && ofEpoch.equals(epoch) && id < expected;
  }

  /** This node's post of that origin while it waits for its id, else null. */
  Append waiting(String origin) {
    return pending.get(origin);
  }

  /** This node's own post as the numbered message it became. */
  static LogEntry numbered(Append append, long id, String epoch) {
    return new LogEntry(id, epoch, append.origin, LogEntry.numbered(append.message.withId(id), id));
  }

  /** The post ended without a new message: a repeat of an earlier one, or a failure. */
  void ended(Append append, Runnable report) {
    if (pending.remove(append.origin) != null) {
      append.report = report;
      drain();
    }
  }

  /** What the log had from {@code expected} to {@code to}; what it no longer keeps is skipped. */
  void read(List<LogEntry> entries, long to) {
    entries.stream().filter(entry -> entry.id() >= expected && (epoch == null || epoch.equals(entry.epoch())))
        .forEach(entry -> early.putIfAbsent(entry.id(), entry));
    if (!early.containsKey(expected) && !early.isEmpty() && early.firstKey() <= to + 1) {
      log.warn("#{}: messages {} to {} are gone from Redis; skipping them", room, expected, early.firstKey() - 1);
      expected = early.firstKey();
    }
    drain();
  }

  /** Hands on whatever is next in the room's order, as long as something is. */
  void drain() {
    if (state != State.READY) {
      return;
    }
    while (true) {
      LogEntry next = early.remove(expected);
      if (next != null) {
        expected++;
        Append own = pending.remove(next.origin());
        if (own != null) {
          own.done = true;
        }
        sink.message(next, own);
      } else if (!handOnRequest()) {
        break;
      }
    }
    if (!early.isEmpty() && !gapCheckDue) {
      gapCheckDue = true;
      sink.gap();
    }
  }

  /** Hands on this node's first request if its turn came; false when it waits (or there is none). */
  private boolean handOnRequest() {
    Op head = ops.peek();
    if (head instanceof Task task) {
      ops.poll();
      sink.run(task.work());
      return true;
    }
    if (head instanceof Append append && (append.done || append.report != null)) {
      ops.poll();
      if (append.report != null) {
        sink.run(append.report);
      }
      return true;
    }
    return false;
  }
}
