package chat.bench.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The servers a comparison can run, by the name used in --servers and in the results ("node" is the socket.io
 * reference, kept under that name so that older results files still match): how each is started, how the
 * generator talks to it and how it measures its memory. The Java server runs as three: "java" with its default
 * store (SQLite, in a fresh data directory per start, {@code --fsync periodic}), "java-fsync" the same with
 * every commit flushed ({@code --fsync always}), and "java-memory" keeping history in memory, so that java over
 * java-memory is what durable history costs. In a cluster scenario a server runs as two nodes sharing one Redis:
 * "java" with its {@code --redis} flags, the socket.io reference as its cluster variant (chat-bench/socketio-cluster,
 * on {@code @socket.io/redis-adapter}); ws has no cluster (see {@link #clusters}).
 */
enum ServerKind {
  JAVA("chat", "java", null, null, "sqlite"),
  JAVA_FSYNC("chat", "java", null, null, "sqlite", "--fsync", "always"),
  JAVA_MEMORY("chat", "java", null, null, "memory"),
  NODE("socketio", "node", "chat-bench/socketio", "chat-bench/socketio-cluster", null),
  /** Plain ws speaking the Java server's JSON protocol: the floor of a Node server. */
  WS("chat", "node", "chat-bench/ws-reference", null, null);

  /** The generator's --protocol. */
  final String protocol;
  /** The generator's --server-kind: how heap after GC is read (jcmd, or the node servers' /debug/memory). */
  final String probeKind;
  /** A node server's directory (server.js, node_modules), relative to the repository root; null for Java. */
  final String nodeDirectory;
  /** A node server's cluster variant's directory, relative to the repository root; null without one. */
  final String clusterDirectory;
  /** The Java server's --store; null for the node servers. */
  final String store;
  /** More flags for the Java server. */
  final List<String> flags;

  ServerKind(String protocol, String probeKind, String nodeDirectory, String clusterDirectory, String store,
      String... flags) {
    this.protocol = protocol;
    this.probeKind = probeKind;
    this.nodeDirectory = nodeDirectory;
    this.clusterDirectory = clusterDirectory;
    this.store = store;
    this.flags = List.of(flags);
  }

  boolean isJava() {
    return store != null;
  }

  /**
   * Whether it runs as a cluster's nodes: the Java server (--redis) and the socket.io reference's variant. Only
   * "java" of the Java servers: in cluster mode the history lives in Redis whatever --store and --fsync say, so
   * java-memory and java-fsync would repeat its runs.
   */
  boolean clusters() {
    return this == JAVA || clusterDirectory != null;
  }

  /** The SQLite store writes to a data directory, which each start gets fresh. */
  boolean needsDataDirectory() {
    return "sqlite".equals(store);
  }

  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static ServerKind named(String label) {
    for (ServerKind kind : values()) {
      if (kind.label().equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Unknown server '" + label + "' ("
        + Arrays.stream(values()).map(ServerKind::label).collect(Collectors.joining(", ")) + ")");
  }
}
