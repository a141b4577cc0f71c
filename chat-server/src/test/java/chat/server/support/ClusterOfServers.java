package chat.server.support;

import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import chat.server.config.ClusterSettings;
import chat.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Several real servers in this JVM sharing rooms through one real Redis, each on free ports, with the clients
 * connected to them; all closed by {@link #close}. Every cluster gets its own key prefix, so tests never see
 * each other's keys even on one Redis.
 */
public final class ClusterOfServers implements AutoCloseable {
  private final RedisServer redis;
  private final ServerConfig config;
  private final List<ChatServer> nodes = new ArrayList<>();
  private final List<TestClient> clients = new ArrayList<>();

  private ClusterOfServers(RedisServer redis, ServerConfig config) {
    this.redis = redis;
    this.config = config;
  }

  /** {@code count} nodes on a fresh Redis in {@code directory}, configured by environment-style settings. */
  public static ClusterOfServers start(Path directory, int count, Map<String, String> env) throws Exception {
    return start(directory, count, env, false);
  }

  /** With {@code appendOnly}, Redis keeps an AOF ({@code appendfsync everysec}) in the directory. */
  public static ClusterOfServers start(Path directory, int count, Map<String, String> env, boolean appendOnly)
      throws Exception {
    RedisServer redis = RedisServer.start(directory, appendOnly);
    Map<String, String> settings = new HashMap<>(env);
    settings.putIfAbsent("ROOM_DATA_DELAY", "0");
    String prefix = "test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    ServerConfig config = ServerConfig.parse(new String[0], settings).withPorts(0, 0)
        .withCluster(new ClusterSettings(redis.uri(), prefix, "unused"));
    ClusterOfServers cluster = new ClusterOfServers(redis, config);
    for (int i = 0; i < count; i++) {
      cluster.addNode();
    }
    return cluster;
  }

  /** One more node, named {@code node-<n>}. */
  public ChatServer addNode() {
    ClusterSettings shared = config.cluster();
    ChatServer node = ChatServer.start(config.withCluster(
        new ClusterSettings(shared.redis(), shared.prefix(), "node-" + nodes.size())));
    nodes.add(node);
    return node;
  }

  public ChatServer node(int index) {
    return nodes.get(index);
  }

  public RedisServer redis() {
    return redis;
  }

  /** A client connected to node {@code index}. */
  public TestClient connect(int index) {
    TestClient client = TestClient.connect(nodes.get(index).wsUri());
    clients.add(client);
    return client;
  }

  public TestClient joined(int index, String username, String room) {
    return connect(index).joined(username, room);
  }

  @Override
  public void close() throws Exception {
    clients.forEach(TestClient::close);
    nodes.forEach(ChatServer::close);
    redis.close();
  }
}
