package chat.server.store;

import chat.server.room.HeldSeat;
import chat.server.room.RoomMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The history in memory, for {@code --store memory}, throwaway runs and tests: the same contract as
 * {@link SqliteHistoryStore}, gone when the process ends. One read-write lock makes each commit atomic to
 * readers; a batch is checked in full before any of it is applied, so a refused one changes nothing.
 */
public final class MemoryHistoryStore implements HistoryStore {
  private static final String NAME = "memory";

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, MemoryRoom> rooms = new HashMap<>();
  private final Map<SendKey, Send> sends = new HashMap<>();
  private final Map<SeatKey, HeldSeat> seats = new HashMap<>();
  private boolean closed; // guarded by lock


  private record Send(long id, long createdAt) {}

  private record SeatKey(String room, String userKey) {}

  /** A room's id sequence and its retained messages by id. */
  private static final class MemoryRoom {
    String epoch;
    long lastId;
    final NavigableMap<Long, RoomMessage> messages = new TreeMap<>();

    MemoryRoom(String epoch, long lastId) {
      this.epoch = epoch;
      this.lastId = lastId;
    }

    RoomState state(String name) {
      return new RoomState(name, epoch, lastId, messages.isEmpty() ? lastId + 1 : messages.firstKey());
    }
  }

  @Override
  public Map<String, RoomState> rooms() throws StoreException {
    return reading(() -> {
      Map<String, RoomState> result = new LinkedHashMap<>();
      rooms.forEach((name, room) -> result.put(name, room.state(name)));
      return result;
    });
  }

  @Override
  public void commit(Batch batch) throws StoreException {
    lock.writeLock().lock();
    try {
      ensureOpen();
      apply(batch);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public boolean commitIfSendsAreNew(Batch batch) throws StoreException {
    lock.writeLock().lock();
    try {
      ensureOpen();
      for (Batch.Append append : batch.messages()) {
        SendKey send = append.sendKey();
        if (send != null && sends.containsKey(send)) {
          return false;
        }
      }
      apply(batch);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void apply(Batch batch) throws StoreException {
    check(batch);
    batch.rooms().forEach(this::putRoom);
    batch.messages().forEach(this::append);
    batch.seatsTaken().forEach(seat -> seats.put(new SeatKey(seat.room(), seat.userKey()), seat));
    batch.seatsFreed().forEach(seat -> seats.remove(new SeatKey(seat.room(), seat.userKey())));
  }

  @Override
  public List<StoredMessage> read(String room, long after, long before, int limit) throws StoreException {
    return reading(() -> {
      MemoryRoom memoryRoom = rooms.get(room);
      if (memoryRoom == null || limit <= 0 || after >= before) {
        return List.of();
      }
      List<StoredMessage> newestFirst = new ArrayList<>();
      for (Map.Entry<Long, RoomMessage> entry
          : memoryRoom.messages.subMap(after, false, before, false).descendingMap().entrySet()) {
        if (newestFirst.size() == limit) {
          break;
        }
        newestFirst.add(new StoredMessage(entry.getKey(), entry.getValue()));
      }
      Collections.reverse(newestFirst);
      return newestFirst;
    });
  }

  @Override
  public Map<SendKey, Long> sentIds(Collection<SendKey> keys, long sinceMillis) throws StoreException {
    return reading(() -> {
      Map<SendKey, Long> found = new HashMap<>();
      for (SendKey key : keys) {
        Send send = sends.get(key);
        if (send != null && send.createdAt() >= sinceMillis) {
          found.put(key, send.id());
        }
      }
      return found;
    });
  }

  @Override
  public List<HeldSeat> seats() throws StoreException {
    return reading(() -> seats.values().stream()
        .sorted(Comparator.comparingLong(HeldSeat::position).thenComparing(HeldSeat::room).thenComparing(HeldSeat::userKey))
        .toList());
  }

  @Override
  public long prune(int perRoom, long olderThanMillis, long sendsBeforeMillis) throws StoreException {
    if (perRoom < 0) {
      throw new IllegalArgumentException("perRoom must be at least 0, was " + perRoom);
    }
    lock.writeLock().lock();
    try {
      ensureOpen();
      long deleted = 0;
      for (MemoryRoom room : rooms.values()) {
        int before = room.messages.size();
        while (room.messages.size() > perRoom) {
          room.messages.pollFirstEntry();
        }
        room.messages.values().removeIf(message -> message.createdAt() < olderThanMillis);
        deleted += before - room.messages.size();
      }
      sends.values().removeIf(send -> send.createdAt() < sendsBeforeMillis);
      return deleted;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public String describe() {
    return NAME;
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Refuses the batch, before anything is applied, where SQLite's constraints would. */
  private void check(Batch batch) throws StoreException {
    Set<String> renumbered = new HashSet<>();
    Set<String> named = new HashSet<>();
    for (RoomState room : batch.rooms()) {
      if (room.epoch() == null) {
        throw refused("room " + room.room() + " has no epoch");
      }
      MemoryRoom existing = rooms.get(room.room());
      if (existing != null && !existing.epoch.equals(room.epoch())) {
        renumbered.add(room.room());
      }
      named.add(room.room());
    }
    Set<String> ids = new HashSet<>();
    for (Batch.Append append : batch.messages()) {
      MemoryRoom existing = rooms.get(append.room());
      if (existing == null && !named.contains(append.room())) {
        throw refused("room " + append.room() + " has no epoch yet (a new room goes in the batch's rooms)");
      }
      boolean kept = existing != null && !renumbered.contains(append.room())
          && existing.messages.containsKey(append.id());
      if (kept || !ids.add(append.room() + '\n' + append.id())) {
        throw refused("message " + append.id() + " of room " + append.room() + " already exists");
      }
    }
  }

  private void putRoom(RoomState state) {
    MemoryRoom room = rooms.get(state.room());
    if (room == null) {
      rooms.put(state.room(), new MemoryRoom(state.epoch(), state.lastId()));
    } else if (room.epoch.equals(state.epoch())) {
      room.lastId = Math.max(room.lastId, state.lastId());
    } else {
      // A new epoch is a new id sequence: what was numbered in the old one goes.
      room.messages.clear();
      sends.keySet().removeIf(key -> key.room().equals(state.room()));
      room.epoch = state.epoch();
      room.lastId = state.lastId();
    }
  }

  private void append(Batch.Append append) {
    MemoryRoom room = rooms.get(append.room());
    room.messages.put(append.id(), append.message());
    room.lastId = Math.max(room.lastId, append.id());
    SendKey send = append.sendKey();
    if (send != null) {
      sends.put(send, new Send(append.id(), append.message().createdAt()));
    }
  }

  private <T> T reading(Supplier<T> read) throws StoreException {
    lock.readLock().lock();
    try {
      ensureOpen();
      return read.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private void ensureOpen() throws StoreException {
    if (closed) {
      throw new StoreException("The history store " + NAME + " is closed.");
    }
  }

  private static StoreException refused(String why) {
    return new StoreException("The history store " + NAME + " could not save a batch (nothing of it was kept): "
        + why + ".");
  }
}
