package chat.protocol.testing;

import chat.protocol.ClientMessage;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.ServerMessage.LocationMessage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * What a client remembers of its joins: the latest successful join and the history that came with it, and, read
 * from its inbox, what it would send to come back after losing its connection.
 */
final class JoinMemory {
  private final Inbox inbox;
  private volatile ClientMessage.Join last;
  private volatile History history;

  JoinMemory(Inbox inbox) {
    this.inbox = inbox;
  }

  /**
   * Called once a join's ack is read. The join's history is the last one without a ref that arrived after the
   * join was sent ({@code from}) and before its ack: the server sends it first, and nothing else has no ref.
   */
  void settle(ClientMessage.Join join, Ack ack, int from) {
    if (ack.isOk()) {
      last = join;
      history = inbox.readLastBefore(ack, from, History.class, frame -> frame.ref() == null).orElse(null);
    }
  }

  History history() {
    History joined = history;
    if (joined == null) {
      throw new AssertionError(inbox.name() + ": no history came with the latest successful join");
    }
    return joined;
  }

  /** The latest successful join again, with the last id seen, its epoch and the latest token (ref 0: unsent). */
  ClientMessage.Join comeback() {
    ClientMessage.Join join = last;
    if (join == null) {
      throw new AssertionError(inbox.name() + " has not joined, so there is nothing to come back to");
    }
    OptionalLong since = lastId();
    return new ClientMessage.Join(0, join.username(), join.room(), since.isPresent() ? since.getAsLong() : null,
        epoch().orElse(null), resumeToken().orElse(null));
  }

  /** The token of the latest join ack received: each successful join makes the previous one useless. */
  Optional<String> resumeToken() {
    return inbox.latest(Ack.class, ack -> ack.resumeToken() != null).map(Ack::resumeToken);
  }

  /** The epoch of the latest history received, a join's or a loadHistory's. */
  Optional<String> epoch() {
    return inbox.latest(History.class, frame -> true).map(History::epoch);
  }

  /**
   * The greatest room message id received since the latest join's history, that history's included: ids
   * before it may belong to a room the client has left, and ids compare only within one room's sequence.
   */
  OptionalLong lastId() {
    List<ServerMessage> received = inbox.received();
    int start = 0;
    for (int i = received.size() - 1; i >= 0; i--) {
      if (received.get(i) instanceof History joined && joined.ref() == null) {
        start = i;
        break;
      }
    }
    return received.subList(start, received.size()).stream().flatMapToLong(JoinMemory::ids).max();
  }

  private static LongStream ids(ServerMessage message) {
    if (message instanceof ChatMessage chat && chat.id() != null) {
      return LongStream.of(chat.id());
    } else if (message instanceof LocationMessage location) {
      return LongStream.of(location.id());
    } else if (message instanceof History page) {
      return page.messages().stream().flatMapToLong(JoinMemory::ids);
    }
    return LongStream.empty();
  }
}
