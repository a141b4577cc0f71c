package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ProtocolCodec;
import chat.server.cluster.ClusterNode;
import chat.server.config.ClusterSettings;
import chat.server.config.ServerConfig;
import chat.server.metrics.RoomMetrics;
import chat.server.metrics.StoreMetrics;
import chat.server.store.GroupCommitLog;
import chat.server.store.HistoryPruner;
import chat.server.store.HistoryStore;
import chat.server.store.MemoryHistoryStore;
import chat.server.store.OutcomeRunner;
import chat.server.store.StoreException;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The room logic over its in-memory seams, driven without sockets: the room log commits and reports on the
 * calling thread, so every request is done (acked) when it returns. By default room data goes out at once
 * ({@code ROOM_DATA_DELAY=0}); a harness with a delay sends it from a real scheduler, which tests wait on with a
 * timeout. {@link #restart} builds a new service over the same store, as a server restart does. Register it as
 * a JUnit extension, or close it.
 */
final class RoomHarness implements AfterEachCallback, AutoCloseable {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final HistoryStore store;
  /** Null over a store; else the rooms stand on this Redis, as one cluster node. */
  private final ClusterSettings cluster;
  private final ServerConfig config;
  private ClusterNode node;
  private InMemoryPresence presence;
  private GroupCommitLog log;
  private RoomService service;
  private StoreMetrics storeMetrics;

  RoomHarness() {
    this(Map.of());
  }

  RoomHarness(String roomDataDelayMillis) {
    this(Map.of("ROOM_DATA_DELAY", roomDataDelayMillis));
  }

  /** Settings as environment variables, e.g. {@code RECONNECT_GRACE=0}; over {@code ROOM_DATA_DELAY=0}. */
  RoomHarness(Map<String, String> settings) {
    this(settings, new MemoryHistoryStore());
  }

  RoomHarness(Map<String, String> settings, HistoryStore store) {
    this(settings, store, null);
  }

  private RoomHarness(Map<String, String> settings, HistoryStore store, ClusterSettings cluster) {
    Map<String, String> env = new HashMap<>(Map.of("ROOM_DATA_DELAY", "0", "STORE", "memory"));
    env.putAll(settings);
    this.config = ServerConfig.parse(new String[0], env);
    this.store = store;
    this.cluster = cluster;
    restart();
  }

  /** The rooms as one node on a real Redis, under a key prefix of their own. */
  static RoomHarness onRedis(Map<String, String> settings, URI redis) {
    return new RoomHarness(settings, null, new ClusterSettings(redis,
        "harness-" + UUID.randomUUID().toString().substring(0, 8) + ":", "harness"));
  }

  /** A new service, presence and log over the same store: what a restarted server starts from. */
  void restart() {
    storeMetrics = new StoreMetrics(new PrometheusRegistry());
    if (cluster != null) {
      restartOnRedis();
      return;
    }
    try {
      log = GroupCommitLog.inline(store, new GroupCommitLog.LogSettings(256, config.maxRecovery(),
          config.dedupWindow()), Clock.systemUTC(), storeMetrics);
    } catch (StoreException e) {
      throw new IllegalStateException(e);
    }
    presence = new InMemoryPresence();
    RoomMetrics metrics = new RoomMetrics(new PrometheusRegistry());
    service = new RoomService(config, Clock.systemUTC(), log, new LocalRoomBus(metrics), presence, scheduler,
        metrics);
  }

  private void restartOnRedis() {
    if (node != null) {
      node.close();
    }
    RoomMetrics metrics = new RoomMetrics(new PrometheusRegistry());
    LocalRoomBus bus = new LocalRoomBus(metrics);
    node = ClusterNode.open(config.withCluster(cluster), new ProtocolCodec(), OutcomeRunner.WRITER, bus);
    presence = null;
    log = null;
    service = new RoomService(config, Clock.systemUTC(), node.log(), bus, node.presence(), scheduler, metrics,
        node.requests());
    node.bind(service, () -> {});
  }

  /**
   * One retention pass now, as the background pruner runs it. On Redis there is none to run: each post trims
   * the room's log to the history limit.
   */
  void prune() throws StoreException {
    if (cluster != null) {
      return;
    }
    new HistoryPruner(store, log, new HistoryPruner.Retention(config.historyLimit(), config.historyMaxAge(),
        config.dedupWindow()), Clock.systemUTC(), storeMetrics).prune();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    if (node != null) {
      node.close();
    }
    if (store != null) {
      store.close();
    }
  }

  RoomService service() {
    return service;
  }

  Presence presence() {
    return node != null ? node.presence() : presence;
  }

  RoomLog log() {
    return node != null ? node.log() : log;
  }

  HistoryStore store() {
    return store;
  }

  FakeConnection connect() {
    return new FakeConnection(service);
  }

  /** A connection that joined and has forgotten its greeting. */
  FakeConnection joined(String username, String room) {
    FakeConnection connection = connect();
    assertTrue(connection.join(username, room).isOk(), username + " could not join " + room);
    connection.peer().clear();
    return connection;
  }
}
