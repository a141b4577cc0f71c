package chat.server.cluster;

import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import chat.server.room.LocalRoomBus;
import chat.server.room.RoomLog;
import chat.server.room.RoomMessage;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each room's one order on this node, fed by Redis: the room's channel carries every numbered message (the post
 * script publishes it in the same step that numbers it), and this hands them on strictly by id, with the
 * outcomes and tasks of this node's own requests in their place. Everything runs on one thread; what it hands
 * on goes, in order, through the {@link FeedThread} to the selector (so fan-out is batched like a decode pass's).
 * A message missing from the channel (lost while Redis was away) is read from the room's log.
 */
final class RoomFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RoomFeed.class);
  /** How long a later message waits for a missing one before the log is read. */
  static final Duration GAP_WAIT = Duration.ofMillis(200);
  /** A channel nobody on this node needs is given up after this. */
  static final Duration IDLE = Duration.ofSeconds(10);

  /** The feed's settings: what a channel holds at hand, and the log's length. */
  record Settings(int historyLimit, int tailCapacity) {}

  private final RoomRedis redis;
  private final String nodeId;
  private final ProtocolCodec codec;
  private final Settings settings;
  private final RedisPresence presence;
  private final LocalRoomBus bus;
  private final FeedThread thread;
  private final LogCatchUp catchUp;
  private final Map<String, RoomChannel> channels = new HashMap<>();
  private final Map<String, PublishedRoom> published = new ConcurrentHashMap<>();
  private final AtomicLong origins = new AtomicLong();
  /** This node and this run of it: a restarted node's posts never pass for its earlier run's. */
  private final String originPrefix;
  private volatile SeatMoves seatMoves = (room, userKey) -> {};

  /** Told when another node took over a seat of a room this node has members in. */
  interface SeatMoves {
    void moved(String room, String userKey);
  }

  RoomFeed(RedisLink link, ClusterKeys keys, RoomRedis redis, String nodeId, ProtocolCodec codec,
      Settings settings, RedisPresence presence, LocalRoomBus bus, FeedThread thread) {
    this.redis = redis;
    this.originPrefix = nodeId + "." + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + ":";
    this.nodeId = nodeId;
    this.codec = codec;
    this.settings = settings;
    this.presence = presence;
    this.bus = bus;
    this.thread = thread;
    link.subscriptions().addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String channel, String payload) {
        String room = keys.roomOfChannel(channel);
        if (room != null) {
          thread.execute(() -> received(room, payload));
        }
      }
    });
    this.catchUp = new LogCatchUp(redis, thread, codec);
    link.onReconnected(() -> thread.execute(() -> {
      presence.reassert();
      catchUp.afterOutage(channels.values());
    }));
    thread.every(IDLE.dividedBy(2), this::sweep);
  }

  void onSeatMoved(SeatMoves listener) {
    this.seatMoves = listener;
  }

  void append(String room, RoomMessage message, String senderKey, RoomLog.Outcome outcome) {
    String origin = originPrefix + origins.incrementAndGet();
    thread.execute(() -> {
      RoomChannel channel = channel(room);
      RoomChannel.Append append = new RoomChannel.Append(origin, message, senderKey, outcome);
      channel.add(append);
      if (channel.state == RoomChannel.State.READY) {
        post(channel, append);
      }
    });
  }

  void run(String room, Runnable task) {
    thread.execute(() -> channel(room).add(new RoomChannel.Task(task)));
  }

  /** The room as this node's members have it; null when this node does not follow the room. */
  PublishedRoom published(String room) {
    return published.get(room);
  }

  @Override
  public void close() {
    thread.close();
  }

  private RoomChannel channel(String room) {
    RoomChannel channel = channels.get(room);
    if (channel == null) {
      channel = new RoomChannel(room);
      channel.sink = sink(channel);
      channels.put(room, channel);
      subscribe(channel);
    }
    channel.idleSinceNanos = System.nanoTime();
    return channel;
  }

  private void subscribe(RoomChannel channel) {
    redis.follow(channel.room, settings.tailCapacity()).whenComplete((start, error) -> thread.execute(() -> {
      if (error != null) {
        unreachable(channel, error);
      } else {
        ready(channel, start.epoch(), start.last(), start.latest());
      }
    }));
  }

  private void ready(RoomChannel channel, String epoch, long last, List<StreamMessage<String, String>> latest) {
    List<StreamMessage<String, String>> oldestFirst = new ArrayList<>(latest);
    Collections.reverse(oldestFirst);
    List<LogEntry> entries = catchUp.decoded(epoch, oldestFirst);
    long first = entries.isEmpty() ? last + 1 : Math.min(entries.get(0).id(), last + 1);
    PublishedRoom room = new PublishedRoom(settings.tailCapacity(), settings.historyLimit(), epoch, last, first,
        entries);
    thread.handOn(() -> published.put(channel.room, room));
    presence.track(channel.room, true);
    for (RoomChannel.Op op : channel.ops) {
      if (op instanceof RoomChannel.Append append && !append.sent) {
        post(channel, append);
      }
    }
    channel.ready(epoch, last);
  }

  /** Subscribing failed: the requests waiting for it fail (appends) or go on without it (tasks). */
  private void unreachable(RoomChannel channel, Throwable error) {
    log.warn("Could not follow #{} on Redis: {}", channel.room, RedisLink.rootMessage(error));
    channels.remove(channel.room);
    redis.unfollow(channel.room);
    for (RoomChannel.Op op : channel.ops) {
      if (op instanceof RoomChannel.Append append) {
        thread.handOn(append.outcome::failed);
      } else {
        thread.handOn(((RoomChannel.Task) op).work());
      }
    }
  }

  private void post(RoomChannel channel, RoomChannel.Append append) {
    append.sent = true;
    redis.post(channel.room, LogEntry.body(codec, append.message), append.origin, append.message.clientId(),
        append.senderKey).whenComplete((reply, error) -> thread.execute(() -> answered(channel, append, reply, error)));
  }

  private void answered(RoomChannel channel, RoomChannel.Append append, List<Object> reply, Throwable error) {
    if (error != null) {
      log.warn("Could not post to #{}: {}", channel.room, RedisLink.rootMessage(error));
      channel.ended(append, append.outcome::failed);
    } else if ((Long) reply.get(0) == 0 && append.message.clientId() == null) {
      // Sent again after a reconnect, and numbered the first time: the message is posted, as that id.
      channel.posted(append, (Long) reply.get(1), channel.epoch);
    } else if ((Long) reply.get(0) == 0) {
      long id = (Long) reply.get(1);
      channel.ended(append, () -> append.outcome.repeated(id));
    } else {
      channel.posted(append, (Long) reply.get(1), (String) reply.get(2));
    }
  }

  private void received(String room, String payload) {
    RoomChannel channel = channels.get(room);
    ChannelEvent event;
    try {
      event = channel == null ? null : ChannelEvent.parse(payload);
      if (event instanceof ChannelEvent.Message message) {
        receivedMessage(channel, message);
      }
    } catch (ProtocolException | RuntimeException e) {
      log.warn("Ignoring an unreadable event on #{}: {}", room, e.getMessage());
      return;
    }
    if (event instanceof ChannelEvent.SeatsChanged seats) {
      presence.announced(room, seats.version(), seats.byNode());
    } else if (event instanceof ChannelEvent.SeatMoved moved && !moved.toNode().equals(nodeId)) {
      presence.moved(room, moved.userKey());
      channel.add(new RoomChannel.Task(() -> seatMoves.moved(room, moved.userKey())));
    }
  }

  /** Only another node's message is decoded: this node's own is its request's, and a second copy is dropped. */
  private void receivedMessage(RoomChannel channel, ChannelEvent.Message message) throws ProtocolException {
    if (channel.handedOn(message.id(), message.epoch())) {
      return;
    }
    RoomChannel.Append own = channel.waiting(message.origin());
    channel.accept(own != null ? RoomChannel.numbered(own, message.id(), message.epoch())
        : LogEntry.fromChannel(codec, message));
  }

  /** Where a channel hands on (one per channel): in order, into this round's batch for the outcome runner. */
  private RoomChannel.Sink sink(RoomChannel channel) {
    String room = channel.room;
    return new RoomChannel.Sink() {
      @Override
      public void message(LogEntry entry, RoomChannel.Append own) {
        thread.handOn(() -> {
          PublishedRoom state = published.get(room);
          if (state != null) {
            state.published(entry);
          }
          if (own != null) {
            own.outcome.posted(entry.message(), entry.id());
          } else {
            bus.publish(room, entry.message());
          }
        });
      }

      @Override
      public void run(Runnable work) {
        thread.handOn(work);
      }

      @Override
      public void gap() {
        thread.later(GAP_WAIT, () -> fillGap(channel));
      }
    };
  }

  /** Messages still missing after the wait are read from the log; those it no longer keeps are skipped. */
  private void fillGap(RoomChannel channel) {
    channel.gapCheckDue = false;
    if (channels.get(channel.room) == channel && channel.firstEarly() > 0) {
      catchUp.read(channel, channel.expected, channel.firstEarly() - 1);
    }
  }

  /** Gives up channels of rooms this node no longer has members in. */
  private void sweep() {
    long now = System.nanoTime();
    channels.values().removeIf(channel -> {
      boolean idle = channel.idle() && !bus.hasSubscribers(channel.room) && !presence.holdsSeatsIn(channel.room)
          && now - channel.idleSinceNanos > IDLE.toNanos();
      if (idle) {
        redis.unfollow(channel.room);
        presence.track(channel.room, false);
        String room = channel.room;
        thread.handOn(() -> published.remove(room));
      }
      return idle;
    });
  }
}
