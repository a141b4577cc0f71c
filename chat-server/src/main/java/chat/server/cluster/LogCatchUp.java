package chat.server.cluster;

import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import io.lettuce.core.StreamMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a room's channel missed, read from the room's log: a gap that outlasted its wait, or whatever was posted
 * while this node could not hear Redis. Replies come back onto the feed's thread, where the channels live.
 */
final class LogCatchUp {
  private static final Logger log = LoggerFactory.getLogger(LogCatchUp.class);

  private final RoomRedis redis;
  private final FeedThread thread;
  private final ProtocolCodec codec;

  LogCatchUp(RoomRedis redis, FeedThread thread, ProtocolCodec codec) {
    this.redis = redis;
    this.thread = thread;
    this.codec = codec;
  }

  /** Hands the channel the messages {@code from} to {@code to}; those the log no longer keeps are skipped. */
  void read(RoomChannel channel, long from, long to) {
    redis.read(channel.room, from, to).whenComplete((entries, error) -> thread.execute(() -> {
      if (error != null) {
        log.warn("Could not read #{} from Redis: {}", channel.room, RedisLink.rootMessage(error));
        channel.drain();
        return;
      }
      channel.read(decoded(channel.epoch, entries), to);
    }));
  }

  /** Redis is back: each room's messages posted meanwhile are read, and a room it lost gets a new epoch. */
  void afterOutage(Collection<RoomChannel> channels) {
    for (RoomChannel channel : channels) {
      if (channel.state == RoomChannel.State.READY) {
        redis.lastId(channel.room).whenComplete((last, error) -> thread.execute(() -> {
          if (error == null && last != null) { // a room Redis lost entirely starts a new epoch with its next post
            caughtUp(channel, Long.parseLong(last));
          }
        }));
      }
    }
  }

  private void caughtUp(RoomChannel channel, long redisLast) {
    if (redisLast >= channel.expected) {
      read(channel, channel.expected, redisLast);
    } else if (redisLast < channel.expected - 1 && channel.epoch != null) {
      log.warn("Redis came back with #{} at id {}, after this node had handed on {}: a new epoch",
          channel.room, redisLast, channel.expected - 1);
      redis.newEpoch(channel.room, channel.epoch);
    }
  }

  /** The readable ones of {@code entries}, in their order. */
  List<LogEntry> decoded(String epoch, List<StreamMessage<String, String>> entries) {
    List<LogEntry> read = new ArrayList<>(entries.size());
    for (StreamMessage<String, String> stream : entries) {
      try {
        read.add(LogEntry.fromStream(codec, epoch, stream));
      } catch (ProtocolException | RuntimeException e) {
        log.warn("Ignoring an unreadable log entry {}: {}", stream.getId(), e.getMessage());
      }
    }
    return read;
  }
}
