package chat.server.support;

import chat.server.store.Batch;
import chat.server.store.HistoryStore;
import chat.server.store.MemoryHistoryStore;
import chat.server.store.RoomState;
import chat.server.store.SendKey;
import chat.server.room.HeldSeat;
import chat.server.store.StoreException;
import chat.server.store.StoredMessage;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The memory store, except that commits throw while it is set failing, as a full disk or an I/O error does. */
public final class SwitchableStore implements HistoryStore {
  private final MemoryHistoryStore store = new MemoryHistoryStore();
  private volatile boolean failing;

  /** From now on commits fail (true) or work (false). */
  public void failing(boolean fail) {
    failing = fail;
  }

  @Override
  public Map<String, RoomState> rooms() throws StoreException {
    return store.rooms();
  }

  @Override
  public void commit(Batch batch) throws StoreException {
    if (failing) {
      throw new StoreException("disk I/O error");
    }
    store.commit(batch);
  }

  @Override
  public boolean commitIfSendsAreNew(Batch batch) throws StoreException {
    if (failing) {
      throw new StoreException("disk I/O error");
    }
    return store.commitIfSendsAreNew(batch);
  }

  @Override
  public List<StoredMessage> read(String room, long after, long before, int limit) throws StoreException {
    return store.read(room, after, before, limit);
  }

  @Override
  public Map<SendKey, Long> sentIds(Collection<SendKey> sends, long sinceMillis) throws StoreException {
    return store.sentIds(sends, sinceMillis);
  }

  @Override
  public List<HeldSeat> seats() throws StoreException {
    return store.seats();
  }

  @Override
  public long prune(int perRoom, long olderThanMillis, long sendsBeforeMillis) throws StoreException {
    return store.prune(perRoom, olderThanMillis, sendsBeforeMillis);
  }

  @Override
  public String describe() {
    return "switchable test store";
  }

  @Override
  public void close() {
    store.close();
  }
}
