package chat.server.store;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.History;
import chat.server.metrics.StoreMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * The history a join gets and the older pages a client asks for, from a room's recent messages when they hold
 * enough and from the store otherwise. Recovery is all or nothing: a resume from {@code since} gets every
 * message after it, or, when that cannot be the whole gap, the latest page marked as not recovered.
 */
final class HistoryReplay {
  private final HistoryStore store;
  private final RecoveryRule rule;
  private final StoreMetrics metrics;

  HistoryReplay(HistoryStore store, int maxRecovery, StoreMetrics metrics) {
    this.store = store;
    this.rule = new RecoveryRule(maxRecovery);
    this.metrics = metrics;
  }

  /** In the room's sequence: as of the last message members may have. */
  History replay(String room, RoomSequence sequence, Long since, String epoch, int latest) {
    try {
      if (since != null) {
        List<ServerMessage> gap = recoverable(sequence, since, epoch) ? after(room, sequence, since) : null;
        if (gap != null) {
          return new History(null, room, sequence.epoch(), gap, since >= sequence.firstId(), true);
        }
      }
      List<ServerMessage> page = latest(room, sequence, latest);
      return new History(null, room, sequence.epoch(), page, olderExist(page, sequence), since == null ? null : false);
    } catch (StoreException e) {
      // The join still goes on: without a history rather than without the room.
      metrics.failed(StoreMetrics.Operation.READ);
      return new History(null, room, sequence.epoch(), List.of(), true, since == null ? null : false);
    }
  }

  /**
   * Any thread: the newest {@code limit} committed messages below {@code before}, oldest first. Whether older
   * ones exist follows from the room's first retained id, which the pruner keeps current: no second query.
   */
  History page(String room, RoomSequence sequence, Long before, int limit, long ref) throws StoreException {
    long below = before == null ? Long.MAX_VALUE : before;
    List<ServerMessage> page = numbered(store.read(room, 0, below, limit));
    return new History(ref, room, sequence.epoch(), page, olderExist(page, sequence), null);
  }

  private boolean recoverable(RoomSequence sequence, long since, String epoch) {
    return rule.recoverable(since, epoch, sequence.epoch(), sequence.firstId(), sequence.publishedId());
  }

  /** Every message after {@code since} up to the last published one, or null when some are gone. */
  private List<ServerMessage> after(String room, RoomSequence sequence, long since) throws StoreException {
    List<ServerMessage> gap = sequence.tailAfter(since);
    if (gap == null) {
      long last = sequence.publishedId();
      gap = numbered(store.read(room, since, last + 1, (int) (last - since)));
    }
    return gap.size() == sequence.publishedId() - since ? gap : null;
  }

  private List<ServerMessage> latest(String room, RoomSequence sequence, int limit) throws StoreException {
    List<ServerMessage> page = sequence.tailLatest(limit);
    return page != null ? page : numbered(store.read(room, 0, sequence.publishedId() + 1, limit));
  }

  private static boolean olderExist(List<ServerMessage> page, RoomSequence sequence) {
    return RecoveryRule.olderExist(page, sequence.firstId());
  }

  private static List<ServerMessage> numbered(List<StoredMessage> stored) {
    List<ServerMessage> messages = new ArrayList<>(stored.size());
    for (StoredMessage message : stored) {
      messages.add(message.message().withId(message.id()));
    }
    return messages;
  }
}
