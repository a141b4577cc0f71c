package chat.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Everything the server can be told, with defaults that suit a small public server. Built from flags and
 * environment by {@link ServerOptions}; passed to the parts that need it through their constructors.
 *
 * @param host the address both ports bind to
 * @param httpPort the browser pages' port ({@code PORT}); 0 picks a free one
 * @param wsPort the WebSocket port; 0 picks a free one
 * @param publicWsUrl the WebSocket URL browsers are told to use, or null to derive it from the request's host
 * @param maxUsernameLength longest username, in characters
 * @param maxRoomLength longest room name, in characters
 * @param maxMessageLength longest message text, in characters
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} names the client
 * @param store where room history is kept
 * @param dataDir the directory of the SQLite store (unused with the memory store)
 * @param fsync when the SQLite store's commits are flushed to the disk
 * @param historyLimit messages kept per room
 * @param historyMaxAge how long a message is kept
 * @param historyOnJoin messages a join without {@code since} gets
 * @param maxRecovery the largest gap a resuming join gets replayed
 * @param dedupWindow how long a send's client id is remembered
 * @param reconnectGrace how long a dropped connection's seat is held
 * @param adminHost the address the admin listener ({@code /metrics}) binds to
 * @param adminPort the admin listener's port; empty for none ({@code --admin-port 0}); 0 picks a free one
 * @param cluster cluster mode's Redis, key prefix and node id ({@link ClusterSettings#enabled} when on)
 */
public record ServerConfig(
    String host,
    int httpPort,
    int wsPort,
    String publicWsUrl,
    int maxUsernameLength,
    int maxRoomLength,
    int maxMessageLength,
    int maxMessageBytes,
    double rateLimit,
    int rateBurst,
    long maxBufferedBytes,
    int maxConnections,
    int maxConnectionsPerAddress,
    TrustedProxies trustedProxies,
    Duration joinTimeout,
    Duration connectionLostTimeout,
    List<String> allowedOrigins,
    Duration roomDataDelay,
    Duration httpRequestTimeout,
    Duration fanoutFlushDelay,
    StoreKind store,
    Path dataDir,
    FsyncPolicy fsync,
    int historyLimit,
    Duration historyMaxAge,
    int historyOnJoin,
    int maxRecovery,
    Duration dedupWindow,
    Duration reconnectGrace,
    String adminHost,
    OptionalInt adminPort,
    ClusterSettings cluster) {

  public ServerConfig {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** The defaults: HTTP on 3000, WebSocket on 3001, metrics on 127.0.0.1:9464, every limit at its default. */
  public static ServerConfig defaults() {
    return parse(new String[0], Map.of());
  }

  /** Reads flags first, then the UPPER_SNAKE environment twin of each, then the default. */
  public static ServerConfig parse(String[] args, Map<String, String> env) {
    return ServerOptions.parse(args, env);
  }

  /**
   * The same configuration on other ports; {@code 0} picks a free port (tests). The admin listener is off: a
   * fixed admin port would collide between servers started this way, one after the other or side by side
   * ({@link #withAdminPort} turns it on again).
   */
  public ServerConfig withPorts(int newHttpPort, int newWsPort) {
    return new ServerConfig(
        host, newHttpPort, newWsPort, publicWsUrl, maxUsernameLength, maxRoomLength, maxMessageLength,
        maxMessageBytes, rateLimit, rateBurst, maxBufferedBytes, maxConnections, maxConnectionsPerAddress,
        trustedProxies, joinTimeout, connectionLostTimeout, allowedOrigins, roomDataDelay, httpRequestTimeout,
        fanoutFlushDelay, store, dataDir, fsync, historyLimit, historyMaxAge, historyOnJoin, maxRecovery, dedupWindow,
        reconnectGrace, adminHost, OptionalInt.empty(), cluster);
  }

  /** The same configuration in cluster mode (or out of it, with {@link ClusterSettings#off}). */
  public ServerConfig withCluster(ClusterSettings newCluster) {
    return new ServerConfig(
        host, httpPort, wsPort, publicWsUrl, maxUsernameLength, maxRoomLength, maxMessageLength,
        maxMessageBytes, rateLimit, rateBurst, maxBufferedBytes, maxConnections, maxConnectionsPerAddress,
        trustedProxies, joinTimeout, connectionLostTimeout, allowedOrigins, roomDataDelay, httpRequestTimeout,
        fanoutFlushDelay, store, dataDir, fsync, historyLimit, historyMaxAge, historyOnJoin, maxRecovery, dedupWindow,
        reconnectGrace, adminHost, adminPort, newCluster);
  }

  /** The same configuration with the admin listener on {@code port} of {@link #adminHost}; 0 picks a free one. */
  public ServerConfig withAdminPort(int port) {
    return new ServerConfig(
        host, httpPort, wsPort, publicWsUrl, maxUsernameLength, maxRoomLength, maxMessageLength,
        maxMessageBytes, rateLimit, rateBurst, maxBufferedBytes, maxConnections, maxConnectionsPerAddress,
        trustedProxies, joinTimeout, connectionLostTimeout, allowedOrigins, roomDataDelay, httpRequestTimeout,
        fanoutFlushDelay, store, dataDir, fsync, historyLimit, historyMaxAge, historyOnJoin, maxRecovery, dedupWindow,
        reconnectGrace, adminHost, OptionalInt.of(port), cluster);
  }
}
