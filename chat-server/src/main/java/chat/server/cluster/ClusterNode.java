package chat.server.cluster;

import chat.protocol.ProtocolCodec;
import chat.server.config.ServerConfig;
import chat.server.room.LocalRoomBus;
import chat.server.room.Presence;
import chat.server.room.RoomLog;
import chat.server.room.RoomService;
import chat.server.store.OutcomeRunner;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server as one node of a cluster (cluster mode, {@code --redis}): the room log and presence shared
 * through Redis, the feed that brings every room's messages here, and the watch over the other nodes. Open it,
 * hand its seams to the room rules, {@link #bind} the rules back, close it.
 */
public final class ClusterNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
  /** A room's latest messages each node keeps at hand for joins. */
  private static final int TAIL = 256;
  /** Joins and departures waiting on Redis at once; each takes a round trip or two. */
  private static final int REQUEST_THREADS = 4;

  private final String nodeId;
  private final RedisLink link;
  private final RedisPresence presence;
  private final RoomFeed feed;
  private final RedisRoomLog roomLog;
  private final ExecutorService pages;
  private final NodeWatch watch;
  private final ExecutorService requests;

  private ClusterNode(String nodeId, RedisLink link, RedisPresence presence, RoomFeed feed, RedisRoomLog roomLog,
      ExecutorService pages, NodeWatch watch, ExecutorService requests) {
    this.nodeId = nodeId;
    this.link = link;
    this.presence = presence;
    this.feed = feed;
    this.roomLog = roomLog;
    this.pages = pages;
    this.watch = watch;
    this.requests = requests;
  }

  /**
   * Connects to the configured Redis; outcomes run on {@code outcomes}, messages from other nodes reach this
   * node's members through {@code bus}. Throws {@link ClusterException} when Redis cannot be reached.
   */
  public static ClusterNode open(ServerConfig config, ProtocolCodec codec, OutcomeRunner outcomes, LocalRoomBus bus) {
    String nodeId = config.cluster().nodeId();
    RedisLink link = RedisLink.connect(config.cluster().redis());
    ClusterKeys keys = new ClusterKeys(config.cluster().prefix());
    RedisPresence presence = new RedisPresence(link, keys, nodeId);
    ScheduledExecutorService feedThread = Executors.newSingleThreadScheduledExecutor(daemon("chat-cluster-feed"));
    RoomRedis redis = new RoomRedis(link, keys, new RoomRedis.Keeping(config.historyLimit(), config.historyMaxAge(),
        config.dedupWindow()));
    RoomFeed feed = new RoomFeed(link, keys, redis, nodeId, codec, new RoomFeed.Settings(config.historyLimit(),
        Math.max(TAIL, config.historyOnJoin())), presence, bus, new FeedThread(feedThread, outcomes));
    ExecutorService pages = Executors.newSingleThreadExecutor(daemon("chat-cluster-pages"));
    RedisRoomLog roomLog = new RedisRoomLog(feed, new ClusterReplay(link, keys, codec, config.maxRecovery()),
        presence, link, keys, pages);
    NodeWatch watch = new NodeWatch(link, keys, nodeId, config.reconnectGrace(), presence, feedThread);
    log.info("Cluster node {} on {}, keys under '{}'", nodeId, link.describe(), config.cluster().prefix());
    return new ClusterNode(nodeId, link, presence, feed, roomLog, pages, watch,
        Executors.newFixedThreadPool(REQUEST_THREADS, daemon("chat-cluster-requests")));
  }

  /**
   * The room rules over this node's seams, told what other nodes change; {@code restartConnections} closes
   * every connection with 1012 when this node finds it was declared dead. The node then joins the cluster.
   */
  public void bind(RoomService rooms, Runnable restartConnections) {
    presence.onChangedElsewhere(rooms::membersChangedElsewhere);
    feed.onSeatMoved(rooms::seatMovedElsewhere);
    watch.onSeatGivenUp(rooms::seatGivenUpElsewhere);
    presence.onReleasedLate(rooms::seatGivenUpElsewhere);
    watch.onDeclaredDead(restartConnections);
    watch.start();
  }

  /** Where joins and departures wait for Redis, off the selector (see {@code RoomService}). */
  public Executor requests() {
    return requests;
  }

  public RoomLog log() {
    return roomLog;
  }

  public Presence presence() {
    return presence;
  }

  /** E.g. {@code redis redis://127.0.0.1:6379, node a}. */
  public String describe() {
    return link.describe() + ", node " + nodeId;
  }

  /** Null while Redis answers; else a sentence for {@code /healthz}. */
  public String problem() {
    return link.problem();
  }

  @Override
  public void close() {
    finish(requests); // departures of the connections just closed
    watch.close();
    feed.close();
    finish(pages);
    link.close();
  }

  private static void finish(ExecutorService executor) {
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
