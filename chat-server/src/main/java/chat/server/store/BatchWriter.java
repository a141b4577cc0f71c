package chat.server.store;

import chat.server.metrics.StoreMetrics;
import chat.server.room.HeldSeat;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a run of queued requests into one transaction: recognises repeated client ids, gives each new message
 * its room's next id, and commits messages, sends, rooms and seats together. A failed commit takes back the ids
 * it gave, so ids stay consecutive. Used only on the log's sequence.
 */
final class BatchWriter {
  private final HistoryStore store;
  private final Map<String, RoomSequence> sequences;
  private final int tailCapacity;
  private final Duration dedupWindow;
  private final Clock clock;
  private final StoreMetrics metrics;
  private final EpochSource epochs = new EpochSource();

  BatchWriter(HistoryStore store, Map<String, RoomSequence> sequences, int tailCapacity, Duration dedupWindow,
      Clock clock, StoreMetrics metrics) {
    this.store = store;
    this.sequences = sequences;
    this.tailCapacity = tailCapacity;
    this.dedupWindow = dedupWindow;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The room's sequence, starting a new one (with a fresh epoch) for a room the store has never seen. */
  RoomSequence sequence(String room) {
    return sequences.computeIfAbsent(room, name -> new RoomSequence(
        new RoomState(name, epochs.next(), 0, 1), tailCapacity, false));
  }

  /**
   * Writes the run in one transaction; true when there was something to write. On an exception nothing of it
   * was stored and no id was used.
   */
  boolean write(List<LogOp> ops) throws StoreException {
    Map<String, Long> before = new LinkedHashMap<>();
    try {
      long start = System.nanoTime();
      // First as if every client id were new; a store that finds one it has seen wrote nothing, and the run is
      // numbered again with the ids those sends got.
      Batch batch = batch(ops, before, Map.of());
      if (batch.isEmpty()) {
        return false;
      }
      if (!store.commitIfSendsAreNew(batch)) {
        rewind(before);
        batch = batch(ops, before, store.sentIds(sendsIn(ops), clock.millis() - dedupWindow.toMillis()));
        if (!batch.isEmpty()) { // all repeats: nothing left to write
          store.commit(batch);
        }
      }
      metrics.committed(ops.size(), System.nanoTime() - start);
      before.keySet().forEach(room -> sequences.get(room).markStored());
      return true;
    } catch (StoreException e) {
      rewind(before);
      throw e;
    }
  }

  private void rewind(Map<String, Long> before) {
    before.forEach((room, lastId) -> sequences.get(room).rewind(lastId));
  }

  /** Numbers the run's new messages; {@code seen}: the ids of sends already stored. */
  private Batch batch(List<LogOp> ops, Map<String, Long> before, Map<SendKey, Long> seen) {
    List<Batch.Append> messages = new ArrayList<>();
    List<HeldSeat> taken = new ArrayList<>();
    List<Batch.FreedSeat> freed = new ArrayList<>();
    Map<SendKey, Long> sent = new HashMap<>(seen);
    for (LogOp op : ops) {
      if (op instanceof LogOp.Append append) {
        RoomSequence sequence = sequence(append.room);
        before.putIfAbsent(append.room, sequence.assignedId());
        SendKey send = sendKey(append);
        Long repeat = send == null ? null : sent.get(send);
        append.repeatOf = repeat == null ? 0 : repeat;
        if (repeat != null) {
          continue;
        }
        append.id = sequence.nextId();
        if (send != null) {
          sent.put(send, append.id); // a second copy within this batch is a repeat too
        }
        messages.add(new Batch.Append(append.room, append.id, append.senderKey, append.message));
      } else if (op instanceof LogOp.TakeSeat take) {
        taken.add(take.seat());
      } else if (op instanceof LogOp.FreeSeat free) {
        freed.add(new Batch.FreedSeat(free.room(), free.userKey()));
      }
    }
    return new Batch(rooms(before), messages, taken, freed);
  }

  /** The client ids the run's messages carry: looked up in the store in one call. */
  private static Set<SendKey> sendsIn(List<LogOp> ops) {
    Set<SendKey> sends = new HashSet<>();
    for (LogOp op : ops) {
      SendKey send = op instanceof LogOp.Append append ? sendKey(append) : null;
      if (send != null) {
        sends.add(send);
      }
    }
    return sends;
  }

  /** Only rooms new to the store are listed: a known room's last id follows its messages in the store. */
  private List<RoomState> rooms(Map<String, Long> touched) {
    List<RoomState> rooms = new ArrayList<>();
    for (String room : touched.keySet()) {
      RoomSequence sequence = sequences.get(room);
      if (!sequence.stored()) {
        rooms.add(sequence.state(room));
      }
    }
    return rooms;
  }

  private static SendKey sendKey(LogOp.Append append) {
    String clientId = append.message.clientId();
    return clientId == null || append.senderKey == null ? null : new SendKey(append.room, append.senderKey, clientId);
  }
}
