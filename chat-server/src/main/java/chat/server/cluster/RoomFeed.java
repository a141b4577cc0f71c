package chat.server.cluster;

import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import chat.server.room.LocalRoomBus;
import chat.server.room.RoomLog;
import chat.server.room.RoomMessage;
import chat.server.store.OutcomeRunner;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each room's one order on this node, fed by Redis: the room's channel carries every numbered message (the post
 * script publishes it in the same step that numbers it), and this hands them on strictly by id, with the
 * outcomes and tasks of this node's own requests in their place. Everything runs on one thread; what it hands
 * on goes, in order, to the {@link OutcomeRunner} (the selector, so fan-out is batched like a decode pass's).
 * A message missing from the channel (lost while Redis was away) is read from the room's log.
 */
final class RoomFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RoomFeed.class);
  private static final LuaScript POST = LuaScript.named("post");
  /** How long a later message waits for a missing one before the log is read. */
  static final Duration GAP_WAIT = Duration.ofMillis(200);
  /** A channel nobody on this node needs is given up after this. */
  static final Duration IDLE = Duration.ofSeconds(10);

  /** The feed's settings: what posts keep, and what a channel holds at hand. */
  record Settings(int historyLimit, Duration historyMaxAge, Duration dedupWindow, int tailCapacity) {}

  private final RedisLink link;
  private final ClusterKeys keys;
  private final String nodeId;
  private final ProtocolCodec codec;
  private final Settings settings;
  private final OutcomeRunner outcomes;
  private final RedisPresence presence;
  private final LocalRoomBus bus;
  private final ScheduledExecutorService thread;
  private final Map<String, RoomChannel> channels = new HashMap<>();
  private final Map<String, PublishedRoom> published = new ConcurrentHashMap<>();
  private final AtomicLong origins = new AtomicLong();
  private final List<Runnable> handedOn = new ArrayList<>();
  private volatile SeatMoves seatMoves = (room, userKey) -> {};

  /** Told when another node took over a seat of a room this node has members in. */
  interface SeatMoves {
    void moved(String room, String userKey);
  }

  RoomFeed(RedisLink link, ClusterKeys keys, String nodeId, ProtocolCodec codec, Settings settings,
      OutcomeRunner outcomes, RedisPresence presence, LocalRoomBus bus, ScheduledExecutorService thread) {
    this.link = link;
    this.keys = keys;
    this.nodeId = nodeId;
    this.codec = codec;
    this.settings = settings;
    this.outcomes = outcomes;
    this.presence = presence;
    this.bus = bus;
    this.thread = thread;
    link.subscriptions().addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String channel, String payload) {
        String room = keys.roomOfChannel(channel);
        if (room != null) {
          onThread(() -> received(room, payload));
        }
      }
    });
    link.onReconnected(() -> onThread(this::resyncAll));
    thread.scheduleWithFixedDelay(() -> onThread(this::sweep), IDLE.toMillis(), IDLE.toMillis() / 2,
        TimeUnit.MILLISECONDS);
  }

  void onSeatMoved(SeatMoves listener) {
    this.seatMoves = listener;
  }

  void append(String room, RoomMessage message, String senderKey, RoomLog.Outcome outcome) {
    String origin = nodeId + ":" + origins.incrementAndGet();
    onThread(() -> {
      RoomChannel channel = channel(room);
      RoomChannel.Append append = new RoomChannel.Append(origin, message, senderKey, outcome);
      channel.ops.add(append);
      channel.pending.put(origin, append);
      if (channel.state == RoomChannel.State.READY) {
        post(channel, append);
      }
    });
  }

  void run(String room, Runnable task) {
    onThread(() -> {
      RoomChannel channel = channel(room);
      channel.ops.add(new RoomChannel.Task(task));
      drain(channel);
    });
  }

  /** The room as this node's members have it; null when this node does not follow the room. */
  PublishedRoom published(String room) {
    return published.get(room);
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private RoomChannel channel(String room) {
    RoomChannel channel = channels.get(room);
    if (channel == null) {
      channel = new RoomChannel(room);
      channels.put(room, channel);
      subscribe(channel);
    }
    channel.idleSinceNanos = System.nanoTime();
    return channel;
  }

  private void subscribe(RoomChannel channel) {
    String room = channel.room;
    link.subscriptions().async().subscribe(keys.events(room)).toCompletableFuture()
        .thenCompose(subscribed -> link.commands().hmget(keys.room(room), "epoch", "last").toCompletableFuture())
        .thenCombine(link.commands().xrevrange(keys.log(room), Range.unbounded(),
            Limit.from(settings.tailCapacity())).toCompletableFuture(), (state, latest) -> {
              String epoch = state.get(0).getValueOrElse(null);
              long last = Long.parseLong(state.get(1).getValueOrElse("0"));
              return (Runnable) () -> ready(channel, epoch, last, latest);
            })
        .whenComplete((ready, error) -> onThread(() -> {
          if (error != null) {
            unreachable(channel, error);
          } else {
            ready.run();
          }
        }));
  }

  private void ready(RoomChannel channel, String epoch, long last, List<StreamMessage<String, String>> latest) {
    List<LogEntry> entries = new ArrayList<>(latest.size());
    for (int i = latest.size() - 1; i >= 0; i--) {
      LogEntry entry = entry(epoch, latest.get(i));
      if (entry != null) {
        entries.add(entry);
      }
    }
    long first = entries.isEmpty() ? last + 1 : Math.min(entries.get(0).id(), last + 1);
    PublishedRoom room = new PublishedRoom(settings.tailCapacity(), settings.historyLimit(), epoch, last, first,
        entries);
    handedOn.add(() -> published.put(channel.room, room));
    channel.state = RoomChannel.State.READY;
    channel.epoch = epoch;
    channel.expected = last + 1;
    channel.early.headMap(channel.expected).clear();
    presence.track(channel.room, true);
    for (RoomChannel.Op op : channel.ops) {
      if (op instanceof RoomChannel.Append append && !append.sent) {
        post(channel, append);
      }
    }
    drain(channel);
  }

  /** Subscribing failed: the requests waiting for it fail (appends) or go on without it (tasks). */
  private void unreachable(RoomChannel channel, Throwable error) {
    log.warn("Could not follow #{} on Redis: {}", channel.room, RedisLink.rootMessage(error));
    channels.remove(channel.room);
    link.subscriptions().async().unsubscribe(keys.events(channel.room));
    for (RoomChannel.Op op : channel.ops) {
      if (op instanceof RoomChannel.Append append) {
        handedOn.add(append.outcome::failed);
      } else {
        handedOn.add(((RoomChannel.Task) op).work());
      }
    }
  }

  private void post(RoomChannel channel, RoomChannel.Append append) {
    append.sent = true;
    String room = channel.room;
    String clientId = append.message.clientId();
    boolean deduplicated = clientId != null && append.senderKey != null;
    String sendKey = deduplicated ? keys.send(room, append.senderKey, clientId) : keys.room(room);
    POST.<List<Object>>run(link.commands(), ScriptOutputType.MULTI,
        new String[] {keys.room(room), keys.log(room), sendKey},
        Long.toString(System.nanoTime() ^ Double.doubleToLongBits(Math.random()), 36),
        LogEntry.body(codec, append.message), Integer.toString(settings.historyLimit()),
        Long.toString(settings.historyMaxAge().toSeconds()), append.origin,
        deduplicated ? Long.toString(Math.max(1, settings.dedupWindow().toSeconds())) : "0", keys.events(room))
        .whenComplete((reply, error) -> onThread(() -> answered(channel, append, reply, error)));
  }

  private void answered(RoomChannel channel, RoomChannel.Append append, List<Object> reply, Throwable error) {
    if (channel.pending.remove(append.origin) == null) {
      return; // its message came on the channel first
    }
    if (error != null) {
      log.warn("Could not post to #{}: {}", channel.room, RedisLink.rootMessage(error));
      append.report = append.outcome::failed;
    } else if ((Long) reply.get(0) == 0) {
      long id = (Long) reply.get(1);
      append.report = () -> append.outcome.repeated(id);
    } else {
      long id = (Long) reply.get(1);
      channel.pending.put(append.origin, append);
      accept(channel, new LogEntry(id, (String) reply.get(2), append.origin,
          LogEntry.numbered(append.message.withId(id), id)));
      return;
    }
    drain(channel);
  }

  private void received(String room, String payload) {
    RoomChannel channel = channels.get(room);
    if (channel == null || payload.length() < 2) {
      return;
    }
    String body = payload.substring(2);
    switch (payload.charAt(0)) {
      case 'm' -> {
        try {
          LogEntry entry = LogEntry.fromChannel(codec, body);
          if (entry != null) {
            accept(channel, entry);
          }
        } catch (ProtocolException | RuntimeException e) {
          log.warn("Ignoring an unreadable message on #{}: {}", room, e.getMessage());
        }
      }
      case 'p' -> {
        String[] parts = body.split(" ", 2);
        presence.announced(room, Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : "");
      }
      case 'v' -> {
        String[] parts = body.split(" ", 2);
        if (parts.length == 2 && !parts[0].equals(nodeId)) {
          presence.moved(room, parts[1]);
          channel.ops.add(new RoomChannel.Task(() -> seatMoves.moved(room, parts[1])));
          drain(channel);
        }
      }
      default -> log.debug("Ignoring an event of another kind on #{}", room);
    }
  }

  private void accept(RoomChannel channel, LogEntry entry) {
    if (channel.state == RoomChannel.State.READY) {
      if (channel.epoch != null && !channel.epoch.equals(entry.epoch())) {
        log.warn("#{} starts a new epoch ({} after {}): its history in Redis was lost", channel.room,
            entry.epoch(), channel.epoch);
        channel.early.clear();
        channel.expected = entry.id();
      }
      channel.epoch = entry.epoch();
      if (entry.id() < channel.expected) {
        return; // handed on already
      }
    }
    channel.early.putIfAbsent(entry.id(), entry);
    drain(channel);
  }

  /** Hands on whatever is next in the room's order, as long as something is. */
  private void drain(RoomChannel channel) {
    if (channel.state != RoomChannel.State.READY) {
      return;
    }
    while (true) {
      LogEntry next = channel.early.remove(channel.expected);
      if (next != null) {
        channel.expected++;
        handOn(channel, next);
        continue;
      }
      RoomChannel.Op head = channel.ops.peek();
      if (head instanceof RoomChannel.Task task) {
        channel.ops.poll();
        handedOn.add(task.work());
      } else if (head instanceof RoomChannel.Append append && (append.done || append.report != null)) {
        channel.ops.poll();
        if (append.report != null) {
          handedOn.add(append.report);
        }
      } else {
        break;
      }
    }
    if (!channel.early.isEmpty() && !channel.gapCheckDue) {
      channel.gapCheckDue = true;
      thread.schedule(() -> onThread(() -> fillGap(channel)), GAP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void handOn(RoomChannel channel, LogEntry entry) {
    String room = channel.room;
    RoomChannel.Append own = channel.pending.remove(entry.origin());
    handedOn.add(() -> {
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
    if (own != null) {
      own.done = true;
    }
  }

  /** Messages still missing after the wait are read from the log; those it no longer keeps are skipped. */
  private void fillGap(RoomChannel channel) {
    channel.gapCheckDue = false;
    if (channels.get(channel.room) != channel || channel.early.isEmpty()) {
      return;
    }
    long from = channel.expected;
    long to = channel.early.firstKey() - 1;
    readLog(channel, from, to);
  }

  private void readLog(RoomChannel channel, long from, long to) {
    link.commands().xrange(keys.log(channel.room), Range.create(LogEntry.streamId(from), LogEntry.streamId(to)))
        .whenComplete((entries, error) -> onThread(() -> {
          if (error != null) {
            log.warn("Could not read #{} from Redis: {}", channel.room, RedisLink.rootMessage(error));
            drain(channel);
            return;
          }
          for (StreamMessage<String, String> stream : entries) {
            LogEntry entry = entry(channel.epoch, stream);
            if (entry != null && entry.id() >= channel.expected) {
              channel.early.putIfAbsent(entry.id(), entry);
            }
          }
          if (!channel.early.containsKey(channel.expected) && !channel.early.isEmpty()
              && channel.early.firstKey() <= to + 1) {
            log.warn("#{}: messages {} to {} are gone from Redis; skipping them", channel.room,
                channel.expected, channel.early.firstKey() - 1);
            channel.expected = channel.early.firstKey();
          }
          drain(channel);
        }));
  }

  /** Redis is back: messages posted while this node could not hear them are read from each room's log. */
  private void resyncAll() {
    presence.reassert();
    for (RoomChannel channel : channels.values()) {
      if (channel.state != RoomChannel.State.READY) {
        continue;
      }
      link.commands().hget(keys.room(channel.room), "last").whenComplete((last, error) -> onThread(() -> {
        if (error == null && last != null && Long.parseLong(last) >= channel.expected) {
          readLog(channel, channel.expected, Long.parseLong(last));
        }
      }));
    }
  }

  /** Gives up channels of rooms this node no longer has members in. */
  private void sweep() {
    long now = System.nanoTime();
    channels.values().removeIf(channel -> {
      boolean idle = channel.state == RoomChannel.State.READY && channel.ops.isEmpty()
          && channel.pending.isEmpty() && !bus.hasSubscribers(channel.room)
          && now - channel.idleSinceNanos > IDLE.toNanos();
      if (idle) {
        link.subscriptions().async().unsubscribe(keys.events(channel.room));
        presence.track(channel.room, false);
        String room = channel.room;
        handedOn.add(() -> published.remove(room));
      }
      return idle;
    });
  }

  private LogEntry entry(String epoch, StreamMessage<String, String> stream) {
    try {
      return LogEntry.fromStream(codec, epoch, stream);
    } catch (ProtocolException | RuntimeException e) {
      log.warn("Ignoring an unreadable log entry {}: {}", stream.getId(), e.getMessage());
      return null;
    }
  }

  /** Runs on the feed's thread, then hands on, in one go and in order, whatever the work made ready. */
  private void onThread(Runnable work) {
    try {
      thread.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          log.error("The cluster feed failed", e); // a bug; the feed must go on for every other room
        }
        flush();
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing: nothing more is handed on
    }
  }

  private void flush() {
    if (handedOn.isEmpty()) {
      return;
    }
    List<Runnable> batch = List.copyOf(handedOn);
    handedOn.clear();
    Runnable all = () -> {
      for (Runnable one : batch) {
        try {
          one.run();
        } catch (RuntimeException e) {
          log.error("A room's outcome failed", e);
        }
      }
    };
    if (!outcomes.runInOrder(all)) {
      all.run();
    }
  }
}
