package chat.server.config;

import java.net.URI;

/**
 * Cluster mode: several servers sharing rooms through one Redis. Off ({@link #off}) unless {@code --redis}
 * names a Redis; the single server with its own store is the default.
 *
 * @param redis the Redis to share, {@code redis://host:port[/db]}; null when the mode is off
 * @param prefix put before every key and channel, so that deployments (and parallel tests) can share a Redis
 * @param nodeId this server's name among the nodes, unique in the cluster (random unless given)
 */
public record ClusterSettings(URI redis, String prefix, String nodeId) {

  public static ClusterSettings off(String nodeId) {
    return new ClusterSettings(null, "chat:", nodeId);
  }

  public boolean enabled() {
    return redis != null;
  }
}
