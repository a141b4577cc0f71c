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
import java.util.concurrent.TimeUnit;

/**
 * A server under test, started fresh for one run on core 0 and killed after it; the SQLite store gets a new
 * data directory, deleted afterwards.
 */
final class ServerProcess implements AutoCloseable {
  /**
   * One core: the serial collector (no GC threads competing with the server for its only core, and the
   * smallest footprint), a heap that starts small and may grow to 1 GiB.
   */
  static final List<String> JAVA_FLAGS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx1g");
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

  /** Both node servers take the same command line; each answers WebSocket and HTTP on one port. */
  static ServerProcess start(ServerKind kind, Path root, Path log) throws IOException {
    int http = freePort();
    int ws = kind.isJava() ? freePort() : http;
    DataDirectory data = kind.needsDataDirectory() ? DataDirectory.create() : null;
    List<String> command = new ArrayList<>(List.of("taskset", "-c", "0"));
    ProcessBuilder builder = new ProcessBuilder();
    if (kind.isJava()) {
      command.add("java");
      command.addAll(JAVA_FLAGS);
      command.addAll(List.of("-jar", root.resolve("chat-server/target/chat-server.jar").toString(),
          "--port", String.valueOf(http), "--ws-port", String.valueOf(ws), "--store", kind.store));
      command.addAll(JAVA_SERVER_FLAGS);
      command.addAll(kind.flags);
      if (data != null) {
        command.addAll(List.of("--data-dir", data.path().toString()));
      }
    } else {
      command.addAll(List.of("node", "--expose-gc", "server.js"));
      builder.directory(root.resolve(kind.nodeDirectory).toFile());
      builder.environment().put("PORT", String.valueOf(http));
    }
    File logFile = log.toFile();
    Process process = builder.command(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile)).start();
    ServerProcess server = new ServerProcess(kind, http, ws, process, data);
    server.awaitListening();
    return server;
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    deleteData();
  }

  private void deleteData() {
    if (dataDirectory != null) {
      dataDirectory.delete();
    }
  }
}
