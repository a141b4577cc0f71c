package chat.bench.compare;

import java.util.Locale;

/**
 * The servers a comparison can run, by the name used in --servers and in the results ("node" is the socket.io
 * reference, kept under that name so that older results files still match): how the generator talks to each and
 * how it measures its memory.
 */
enum ServerKind {
  JAVA("chat", "java", null),
  NODE("socketio", "node", "chat-bench/socketio"),
  /** Plain ws speaking the Java server's JSON protocol: the floor of a Node server. */
  WS("chat", "node", "chat-bench/ws-reference");

  /** The generator's --protocol. */
  final String protocol;
  /** The generator's --server-kind: how heap after GC is read (jcmd, or the node servers' /debug/memory). */
  final String probeKind;
  /** A node server's directory (server.js, node_modules), relative to the repository root; null for Java. */
  final String nodeDirectory;

  ServerKind(String protocol, String probeKind, String nodeDirectory) {
    this.protocol = protocol;
    this.probeKind = probeKind;
    this.nodeDirectory = nodeDirectory;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ServerKind named(String label) {
    for (ServerKind kind : values()) {
      if (kind.label().equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Unknown server '" + label + "' (java, node or ws)");
  }
}
