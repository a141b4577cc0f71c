package chat.server.store;

import chat.server.room.HeldSeat;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where the room log keeps rooms, messages, recent sends (for de-duplication) and held seats. The log is its
 * only writer: {@link #commit} is called from one thread at a time, and everything else may be called from any
 * thread, concurrently with a commit, and sees only committed data.
 *
 * <p>Every failure is a {@link StoreException} whose message is one sentence a person can act on.
 */
public interface HistoryStore extends AutoCloseable {

  /** Every room the store has ever numbered messages for, by name: its epoch, last id and first retained id. */
  Map<String, RoomState> rooms() throws StoreException;

  /** Writes the whole batch in one transaction: all of it, or (throwing) none of it. */
  void commit(Batch batch) throws StoreException;

  /**
   * {@link #commit}, unless one of the batch's sends may have been recorded before, at any age: then it writes
   * nothing and returns false, and the log looks the batch's client ids up before committing it again. Client
   * ids are nearly always new, so most commits skip that look-up.
   */
  boolean commitIfSendsAreNew(Batch batch) throws StoreException;

  /**
   * True when a commit waits for the disk to flush it (fsync): the log then never commits on the selector's
   * thread, only on its writer thread.
   */
  default boolean commitWaitsForDisk() {
    return false;
  }

  /**
   * The room's retained messages with {@code after < id < before}: the newest {@code limit} of them, oldest
   * first. Empty for an unknown room.
   */
  List<StoredMessage> read(String room, long after, long before, int limit) throws StoreException;

  /**
   * For each of the sends that was recorded at or after {@code sinceMillis}, the id its message got; sends not
   * in the map are new. One call per batch: the log looks up a whole batch's client ids at once.
   */
  Map<SendKey, Long> sentIds(Collection<SendKey> sends, long sinceMillis) throws StoreException;

  /** The id of the message the user (by name key) sent to the room with this client id, if recorded since then. */
  default OptionalLong sentId(String room, String userKey, String clientId, long sinceMillis)
      throws StoreException {
    SendKey send = new SendKey(room, userKey, clientId);
    Long id = sentIds(List.of(send), sinceMillis).get(send);
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /** Every held seat, in the order they were taken. */
  List<HeldSeat> seats() throws StoreException;

  /**
   * Deletes what retention no longer keeps: per room, messages beyond the newest {@code perRoom} and messages
   * created before {@code olderThanMillis}; sends recorded before {@code sendsBeforeMillis}. Rooms keep their
   * epoch and last id. Returns the number of messages deleted.
   */
  long prune(int perRoom, long olderThanMillis, long sendsBeforeMillis) throws StoreException;

  /** What a person should be told about the store's health: a short name such as "sqlite ./data/chat.db". */
  String describe();

  /** Releases files and locks; a closed store refuses every call. */
  @Override
  void close();
}
