package chat.server.cluster;

import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.History;
import chat.server.store.RecoveryRule;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The history a join gets and older pages, by the same rules as on one server (docs/protocol.md): from the
 * room's latest messages at hand when they hold enough, else from the room's log in Redis. Recovery is all or
 * nothing.
 */
final class ClusterReplay {
  private final RedisLink link;
  private final ClusterKeys keys;
  private final ProtocolCodec codec;
  private final RecoveryRule rule;

  ClusterReplay(RedisLink link, ClusterKeys keys, ProtocolCodec codec, int maxRecovery) {
    this.link = link;
    this.keys = keys;
    this.codec = codec;
    this.rule = new RecoveryRule(maxRecovery);
  }

  /** In the room's sequence, as of what its members have been handed. */
  History replay(String room, PublishedRoom state, Long since, String epoch, int latest) {
    try {
      if (since != null && recoverable(state, since, epoch)) {
        List<ServerMessage> gap = state.tailAfter(since);
        if (gap == null) {
          gap = read(room, state, since + 1, state.lastId(), Integer.MAX_VALUE);
        }
        if (gap.size() == state.lastId() - since) {
          return new History(null, room, state.epoch(), gap, since >= state.firstId(), true);
        }
      }
      List<ServerMessage> page = state.tailLatest(latest);
      if (page == null) {
        page = read(room, state, 1, state.lastId(), latest);
      }
      return new History(null, room, state.epoch(), page, olderExist(page, state), since == null ? null : false);
    } catch (RuntimeException e) {
      // The join still goes on: without a history rather than without the room.
      return new History(null, room, state.epoch(), List.of(), true, since == null ? null : false);
    }
  }

  /** Any thread: the newest {@code limit} messages below {@code before}, oldest first. */
  CompletionStage<History> page(String room, String epoch, long firstId, Long before, int limit, long ref) {
    String upper = before == null ? "+" : "(" + LogEntry.streamId(before);
    return link.commands().xrevrange(keys.log(room), Range.create("-", upper), Limit.from(limit))
        .thenApply(newestFirst -> {
          List<ServerMessage> page = new ArrayList<>(newestFirst.size());
          for (int i = newestFirst.size() - 1; i >= 0; i--) {
            page.add(decode(epoch, newestFirst.get(i)).message());
          }
          return new History(ref, room, epoch, page, RecoveryRule.olderExist(page, firstId), null);
        });
  }

  private boolean recoverable(PublishedRoom state, long since, String epoch) {
    return rule.recoverable(since, epoch, state.epoch(), state.firstId(), state.lastId());
  }

  /** The newest {@code limit} messages with {@code from <= id <= to}, oldest first. */
  private List<ServerMessage> read(String room, PublishedRoom state, long from, long to, int limit) {
    if (to < from) {
      return List.of();
    }
    List<StreamMessage<String, String>> newestFirst = RedisCalls.await(link.commands().xrevrange(keys.log(room),
        Range.create(LogEntry.streamId(from), LogEntry.streamId(to)),
        Limit.from(Math.min(limit, (int) Math.min(Integer.MAX_VALUE, to - from + 1)))), "read #" + room);
    List<ServerMessage> messages = new ArrayList<>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      messages.add(decode(state.epoch(), newestFirst.get(i)).message());
    }
    return messages;
  }

  private static boolean olderExist(List<ServerMessage> page, PublishedRoom state) {
    return RecoveryRule.olderExist(page, state.firstId());
  }

  private LogEntry decode(String epoch, StreamMessage<String, String> entry) {
    try {
      return LogEntry.fromStream(codec, epoch, entry);
    } catch (ProtocolException e) {
      throw new IllegalStateException("an unreadable entry " + entry.getId() + " in the log", e);
    }
  }
}
