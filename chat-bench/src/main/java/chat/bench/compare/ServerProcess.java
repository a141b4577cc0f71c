package chat.bench.compare;

import chat.bench.probe.Pause;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under test, started fresh for one run on core 0 and killed after it; the SQLite store gets a new
 * data directory, deleted afterwards. Started as a {@link ClusterNode} it is one of several sharing a Redis.
 */
final class ServerProcess implements AutoCloseable {
  /**
   * How a cluster's node reaches the others: the nodes' Redis, the key prefix of this run's cluster and the
   * node's name. The Java server takes them as {@code --redis}, {@code --redis-prefix} and {@code --node-id}; the
   * socket.io cluster as REDIS_URL, REDIS_PREFIX and NODE_ID.
   */
  record ClusterNode(String redisUrl, String prefix, String nodeId) {}

  /**
   * One core: the serial collector (no GC threads competing with the server for its only core, and the
   * smallest footprint), a heap that starts small and may grow to 1 GiB, and the quick JIT compiler only, as
   * docs/operations.md runs a small server (decision 18: C2's compilations cost a core this size more than
   * its faster code saves).
   */
  static final List<String> JAVA_FLAGS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx1g",
      "-XX:TieredStopAtLevel=1");
  /** No per-connection rate limit, no join timer closing clients, no cap on connections from one address. */
  static final List<String> JAVA_SERVER_FLAGS = List.of("--rate-limit", "0", "--join-timeout", "600",
      "--max-connections-per-address", "0", "--admin-port", "0");

  final ServerKind kind;
  final int httpPort;
  final int wsPort;
  private final Process process;
  private final DataDirectory dataDirectory;

  private ServerProcess(ServerKind kind, int httpPort, int wsPort, Process process, DataDirectory dataDirectory) {
    this.kind = kind;
    this.httpPort = httpPort;
    this.wsPort = wsPort;
    this.process = process;
    this.dataDirectory = dataDirectory;
  }

  /** A server on its own. */
  static ServerProcess start(ServerKind kind, Path root, Path log) throws IOException {
    return start(kind, root, log, null);
  }

  /**
   * A server, or a cluster's node when {@code node} is not null. Both node servers take the same command line;
   * each answers WebSocket and HTTP on one port.
   */
  static ServerProcess start(ServerKind kind, Path root, Path log, ClusterNode node) throws IOException {
    int http = freePort();
    int ws = kind.isJava() ? freePort() : http;
    DataDirectory data = kind.needsDataDirectory() ? DataDirectory.create() : null;
    List<String> command = new ArrayList<>(List.of("taskset", "-c", "0"));
    ProcessBuilder builder = new ProcessBuilder();
    if (kind.isJava()) {
      command.addAll(javaCommand(kind, root, http, ws, data, node));
    } else {
      command.addAll(List.of("node", "--expose-gc", "server.js"));
      builder.directory(root.resolve(node == null ? kind.nodeDirectory : kind.clusterDirectory).toFile());
      builder.environment().put("PORT", String.valueOf(http));
      if (node != null) {
        builder.environment().putAll(Map.of("REDIS_URL", node.redisUrl(), "REDIS_PREFIX", node.prefix(),
            "NODE_ID", node.nodeId()));
      }
    }
    File logFile = log.toFile();
    Process process = builder.command(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile)).start();
    ServerProcess server = new ServerProcess(kind, http, ws, process, data);
    server.awaitListening();
    return server;
  }

  static List<String> javaCommand(ServerKind kind, Path root, int http, int ws, DataDirectory data,
      ClusterNode node) {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(JAVA_FLAGS);
    command.addAll(List.of("-jar", root.resolve("chat-server/target/chat-server.jar").toString(),
        "--port", String.valueOf(http), "--ws-port", String.valueOf(ws), "--store", kind.store));
    command.addAll(JAVA_SERVER_FLAGS);
    command.addAll(kind.flags);
    if (data != null) {
      command.addAll(List.of("--data-dir", data.path().toString()));
    }
    if (node != null) {
      command.addAll(List.of("--redis", node.redisUrl(), "--redis-prefix", node.prefix(), "--node-id",
          node.nodeId()));
    }
    return command;
  }

  String pid() {
    return String.valueOf(process.pid());
  }

  /** The SQLite store's --data-dir; null for the other servers. */
  Path dataDirectory() {
    return dataDirectory == null ? null : dataDirectory.path();
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        deleteData();
        throw new IOException(kind + " server exited with " + process.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", wsPort), 500);
        return;
      } catch (IOException e) {
        pause();
      }
    }
    close();
    throw new IOException(kind + " server did not listen on " + wsPort + " within 30 s");
  }

  private static void pause() {
    Pause.millis(100);
  }

  /** What the generator needs to reach and measure it. */
  List<String> generatorFlags() {
    List<String> flags = new ArrayList<>(List.of("--port", String.valueOf(wsPort), "--server-pid", pid(),
        "--server-http-port", String.valueOf(httpPort)));
    if (dataDirectory() != null) {
      flags.addAll(List.of("--server-data-dir", dataDirectory().toString()));
    }
    return flags;
  }

  /** SIGTERM, then SIGKILL if it lingers 10 s; returns once it has exited (or was interrupted). */
  static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    stop(process);
    deleteData();
  }

  private void deleteData() {
    if (dataDirectory != null) {
      dataDirectory.delete();
    }
  }
}
