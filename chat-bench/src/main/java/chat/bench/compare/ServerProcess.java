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

/** A server under test, started fresh for one run on core 0 and killed after it. */
final class ServerProcess implements AutoCloseable {
  /**
   * One core: the serial collector (no GC threads competing with the server for its only core, and the
   * smallest footprint), a heap that starts small and may grow to 1 GiB.
   */
  static final List<String> JAVA_FLAGS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx1g");

  final ServerKind kind;
  final int httpPort;
  final int wsPort;
  private final Process process;

  private ServerProcess(ServerKind kind, int httpPort, int wsPort, Process process) {
    this.kind = kind;
    this.httpPort = httpPort;
    this.wsPort = wsPort;
    this.process = process;
  }

  /** Both node servers take the same command line; each answers WebSocket and HTTP on one port. */
  static ServerProcess start(ServerKind kind, Path root, Path log) throws IOException {
    int http = freePort();
    int ws = kind == ServerKind.JAVA ? freePort() : http;
    List<String> command = new ArrayList<>(List.of("taskset", "-c", "0"));
    ProcessBuilder builder = new ProcessBuilder();
    if (kind == ServerKind.JAVA) {
      command.add("java");
      command.addAll(JAVA_FLAGS);
      command.addAll(List.of("-jar", root.resolve("chat-server/target/chat-server.jar").toString(),
          "--port", String.valueOf(http), "--ws-port", String.valueOf(ws), "--rate-limit", "0",
          "--join-timeout", "600", "--admin-port", "0"));
    } else {
      command.addAll(List.of("node", "--expose-gc", "server.js"));
      builder.directory(root.resolve(kind.nodeDirectory).toFile());
      builder.environment().put("PORT", String.valueOf(http));
    }
    File logFile = log.toFile();
    Process process = builder.command(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile)).start();
    ServerProcess server = new ServerProcess(kind, http, ws, process);
    server.awaitListening();
    return server;
  }

  String pid() {
    return String.valueOf(process.pid());
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
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
  }
}
