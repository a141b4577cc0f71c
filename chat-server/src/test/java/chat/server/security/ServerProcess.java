package chat.server.security;

import chat.server.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in its own JVM, for what one process cannot show: signals, and JVM-wide settings that the
 * first server in a process fixes.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern PORTS =
      Pattern.compile("pages on http://localhost:(\\d+)/ , WebSocket on ws://localhost:(\\d+)");

  private final Process process;
  private final int httpPort;
  private final int wsPort;

  private ServerProcess(Process process, int[] ports) {
    this.process = process;
    this.httpPort = ports[0];
    this.wsPort = ports[1];
  }

  /** Starts {@link Main} on free ports with the given flags and returns once it says where it listens. */
  static ServerProcess start(String... flags) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.slf4j.simpleLogger.log.chat.server.ChatServer=info", // the test classpath's logging is quieter
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0"));
    command.addAll(List.of(flags));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      return new ServerProcess(process, portsFrom(process).get(30, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  int httpPort() {
    return httpPort;
  }

  int wsPort() {
    return wsPort;
  }

  Process process() {
    return process;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  /** Reads the log until it names the ports; keeps draining it so the pipe never fills. */
  private static CompletableFuture<int[]> portsFrom(Process process) {
    CompletableFuture<int[]> ports = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader log = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = log.readLine(); line != null; line = log.readLine()) {
          Matcher matcher = PORTS.matcher(line);
          if (matcher.find()) {
            ports.complete(new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))});
          }
        }
        ports.completeExceptionally(new AssertionError("The server ended without saying where it listens"));
      } catch (IOException e) {
        ports.completeExceptionally(e);
      }
    }, "server-log");
    reader.setDaemon(true);
    reader.start();
    return ports;
  }
}
