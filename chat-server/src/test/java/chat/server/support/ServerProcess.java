package chat.server.support;

import chat.server.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in its own JVM, for what one process cannot show: {@code kill -9}, signals, and JVM-wide
 * settings that the first server in a process fixes. It starts on free ports and names them in its start-up
 * line, which this reads from its log (and keeps draining it, so the pipe never fills).
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern UP = Pattern.compile("Chat server up: pages on http://localhost:(\\d+)/ ,"
      + " WebSocket on ws://localhost:(\\d+)");
  private static final long START_SECONDS = 30;

  private final Process process;
  private final List<String> log;
  private final int httpPort;
  private final int wsPort;

  private ServerProcess(Process process, int httpPort, int wsPort, List<String> lines) {
    this.process = process;
    this.httpPort = httpPort;
    this.wsPort = wsPort;
    this.log = lines;
  }

  /** Starts {@code Main} with a SQLite store in {@code dataDir} and the extra flags; waits until it serves. */
  public static ServerProcess withData(Path dataDir, String... flags) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("--store", "sqlite", "--data-dir", dataDir.toString()));
    all.addAll(List.of(flags));
    return start(all.toArray(String[]::new));
  }

  /** Starts {@code Main} on free ports with the given flags (memory store unless they say otherwise). */
  public static ServerProcess start(String... flags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-Dorg.slf4j.simpleLogger.log.chat.server.ChatServer=info", // the test classpath's logging is quieter
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0"));
    if (!List.of(flags).contains("--store")) {
      command.addAll(List.of("--store", "memory"));
    }
    command.addAll(List.of(flags));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new CopyOnWriteArrayList<>();
    CompletableFuture<Matcher> up = new CompletableFuture<>();
    Thread reader = new Thread(() -> readLog(process, lines, up), "server-process-log");
    reader.setDaemon(true);
    reader.start();
    try {
      Matcher ports = up.get(START_SECONDS, TimeUnit.SECONDS);
      return new ServerProcess(process, Integer.parseInt(ports.group(1)), Integer.parseInt(ports.group(2)), lines);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("The server did not start within " + START_SECONDS + " s:\n"
          + String.join("\n", lines), e);
    }
  }

  private static void readLog(Process process, List<String> lines, CompletableFuture<Matcher> up) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        Matcher matcher = UP.matcher(line);
        if (matcher.find()) {
          up.complete(matcher);
        }
      }
    } catch (IOException e) {
      // the process is gone; the output ends here
    }
    up.completeExceptionally(new IllegalStateException("the server exited with " + exitCode(process)));
  }

  private static String exitCode(Process process) {
    try {
      return String.valueOf(process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : "nothing yet");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  public int httpPort() {
    return httpPort;
  }

  public int wsPort() {
    return wsPort;
  }

  public Process process() {
    return process;
  }

  public URI wsUri() {
    return URI.create("ws://localhost:" + wsPort);
  }

  public URI httpUri() {
    return URI.create("http://localhost:" + httpPort + "/");
  }

  /** {@code kill -9}: no shutdown hook, no flush, nothing. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(START_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("kill -9 did not end the server");
    }
  }

  /** SIGTERM, and the exit code once it has stopped. */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(START_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("SIGTERM did not stop the server within " + START_SECONDS + " s");
    }
    return process.exitValue();
  }

  /** Its output so far (slf4j-simple writes the log to stderr, merged here). */
  public List<String> log() {
    return List.copyOf(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
