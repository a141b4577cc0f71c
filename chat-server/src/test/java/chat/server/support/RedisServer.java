package chat.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for one test, on a free loopback port with its files in a directory of the test's.
 * Fails loudly (never skips) when Debian's redis-server is not installed. It can be stopped and started again on
 * the same port and files (a Redis restart), paused with SIGSTOP, and killed.
 */
public final class RedisServer implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/bin/redis-server");
  private static final Duration START = Duration.ofSeconds(10);

  private final Path directory;
  private final int port;
  private final boolean appendOnly;
  private Process process;

  private RedisServer(Path directory, int port, boolean appendOnly) {
    this.directory = directory;
    this.port = port;
    this.appendOnly = appendOnly;
  }

  /** A Redis keeping nothing on disk. */
  public static RedisServer start(Path directory) throws IOException, InterruptedException {
    return start(directory, false);
  }

  /** With {@code appendOnly}, AOF with {@code appendfsync everysec}: the setting the docs recommend. */
  public static RedisServer start(Path directory, boolean appendOnly) throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError(BINARY + " is missing: install Debian's redis-server (apt-get install -y"
          + " redis-server); the cluster tests need a real Redis");
    }
    RedisServer redis = new RedisServer(directory, freePort(), appendOnly);
    redis.startAgain();
    return redis;
  }

  /** Starts it (again) on its port and files, and returns once it answers PING. */
  public void startAgain() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--dir", directory.toString(), "--save", "", "--daemonize", "no",
        "--protected-mode", "yes", "--logfile", directory.resolve("redis.log").toString()));
    command.addAll(appendOnly ? List.of("--appendonly", "yes", "--appendfsync", "everysec")
        : List.of("--appendonly", "no"));
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(directory.resolve("redis.out").toFile()).start();
    long deadline = System.nanoTime() + START.toNanos();
    while (!answersPing()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("redis-server did not start on port " + port + ": "
            + Files.readString(directory.resolve("redis.out")));
      }
      process.waitFor(20, TimeUnit.MILLISECONDS); // a bounded wait between connection attempts
    }
  }

  public URI uri() {
    return URI.create("redis://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** Sends one command (inline form) and returns the first line of the reply, e.g. {@code :3} or {@code +OK}. */
  public String command(String line) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
    }
  }

  /** Stops it as an operator would ({@code SIGTERM}: with AOF on, it flushes first). */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** {@code kill -9}: whatever was not yet on disk is lost. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private boolean answersPing() {
    try {
      return "+PONG".equals(command("PING"));
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
