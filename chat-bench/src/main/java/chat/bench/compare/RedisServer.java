package chat.bench.compare;

import chat.bench.probe.Pause;
import chat.bench.probe.RespClient;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Redis a cluster run's nodes share: a fresh {@code redis-server} per run, on a free loopback port, in a
 * temporary directory deleted afterwards, pinned to the servers' core like the nodes, and killed after the run.
 * Nothing is persisted (no snapshots, no append-only file): the run measures the bus, not Redis's disk.
 */
final class RedisServer implements AutoCloseable {
  static final String BINARY = "redis-server";
  /** Loopback only, nothing written to disk, no snapshot on shutdown. */
  static final List<String> FLAGS = List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
  private static final long START_TIMEOUT_SECONDS = 30;

  final int port;
  private final Process process;
  private final DataDirectory directory;

  private RedisServer(int port, Process process, DataDirectory directory) {
    this.port = port;
    this.process = process;
    this.directory = directory;
  }

  /** Starts one, its output appended to {@code log}; fails at once, saying so, when redis-server is missing. */
  static RedisServer start(Path log) throws IOException {
    Path binary = binary();
    int port = ServerProcess.freePort();
    DataDirectory directory = DataDirectory.create("chat-bench-redis-");
    List<String> command = new ArrayList<>(List.of("taskset", "-c", "0", binary.toString(), "--port",
        String.valueOf(port), "--dir", directory.path().toString()));
    command.addAll(FLAGS);
    File logFile = log.toFile();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile)).start();
    RedisServer redis = new RedisServer(port, process, directory);
    try {
      redis.awaitPong();
    } catch (IOException | RuntimeException e) {
      redis.close();
      throw e;
    }
    return redis;
  }

  /** redis-server on the PATH; an IOException naming the package when there is none. */
  static Path binary() throws IOException {
    return binary(System.getenv().getOrDefault("PATH", ""));
  }

  static Path binary(String path) throws IOException {
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, BINARY);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IOException(BINARY + " is not on the PATH; the cluster scenarios need it (Debian: apt-get install "
        + "redis-server)");
  }

  /** "Redis server v=7.0.15 sha=…" of the binary on the PATH, for the results file. */
  static String version() throws IOException {
    Process process = new ProcessBuilder(binary().toString(), "--version").redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  String pid() {
    return String.valueOf(process.pid());
  }

  /** Its --dir, deleted by {@link #close}. */
  Path directory() {
    return directory.path();
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Waits until it answers PING (or exits, or 30 s pass). */
  private void awaitPong() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited with " + process.exitValue() + " (see its log)");
      }
      try (RespClient redis = RespClient.connect(port)) {
        if ("PONG".equals(redis.command("PING"))) {
          return;
        }
      } catch (IOException e) {
        Pause.millis(50); // not listening yet
      }
    }
    throw new IOException("redis-server did not answer on " + port + " within " + START_TIMEOUT_SECONDS + " s");
  }

  @Override
  public void close() {
    try {
      ServerProcess.stop(process);
    } finally {
      directory.delete();
    }
  }
}
