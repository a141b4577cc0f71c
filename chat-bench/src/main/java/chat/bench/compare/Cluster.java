package chat.bench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A cluster under test for one run: a fresh {@link RedisServer} and {@code nodes} servers of one kind sharing
 * it, named a, b, …, under a key prefix of their own. Every process is killed after the run, the nodes first.
 */
final class Cluster implements AutoCloseable {
  private final RedisServer redis;
  private final List<ServerProcess> nodes = new ArrayList<>();

  private Cluster(RedisServer redis) {
    this.redis = redis;
  }

  /** Logs go to {@code logs}/{@code logName}-redis.log, -a.log, -b.log, …. */
  static Cluster start(ServerKind kind, int nodeCount, Path root, Path logs, String logName) throws IOException {
    if (!kind.clusters()) {
      throw new IllegalArgumentException(kind.label() + " has no cluster mode");
    }
    Cluster cluster = new Cluster(RedisServer.start(logs.resolve(logName + "-redis.log")));
    String prefix = "chat-bench-" + Long.toString(System.nanoTime(), 36) + ":";
    try {
      for (int i = 0; i < nodeCount; i++) {
        String nodeId = nodeId(i);
        ServerProcess.ClusterNode node = new ServerProcess.ClusterNode(cluster.redis.url(), prefix, nodeId);
        cluster.nodes.add(ServerProcess.start(kind, root, logs.resolve(logName + "-" + nodeId + ".log"), node));
      }
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** a, b, c, …. */
  static String nodeId(int index) {
    return String.valueOf((char) ('a' + index));
  }

  /** What the generator needs to reach every node and measure them and their Redis. */
  List<String> generatorFlags() {
    return List.of("--port", joined(node -> String.valueOf(node.wsPort)),
        "--server-pid", joined(ServerProcess::pid),
        "--server-http-port", joined(node -> String.valueOf(node.httpPort)),
        "--redis-port", String.valueOf(redis.port), "--redis-pid", redis.pid());
  }

  private String joined(Function<ServerProcess, String> field) {
    return nodes.stream().map(field).collect(Collectors.joining(","));
  }

  /** Every node, then Redis; one that fails to go away does not keep the others alive. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (ServerProcess node : nodes) {
      try {
        node.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    redis.close();
    if (first != null) {
      throw first;
    }
  }
}
