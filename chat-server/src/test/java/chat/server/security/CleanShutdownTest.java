package chat.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The real process, stopped the way a service manager stops it: SIGTERM, then it must be gone in 5 s. */
class CleanShutdownTest {
  private static final Pattern WS_PORT = Pattern.compile("WebSocket on ws://localhost:(\\d+)");

  @Test
  void onSigtermClientsGetGoingAwayAndTheProcessExitsWithinFiveSeconds() throws Exception {
    Process server = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.slf4j.simpleLogger.log.chat.server.ChatServer=info", // the test classpath's logging is quieter
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0"))
        .redirectErrorStream(true).start();
    try {
      int wsPort = wsPortFrom(server).get(30, TimeUnit.SECONDS);
      try (ChatClient alice = ChatClient.connect(URI.create("ws://localhost:" + wsPort)).joined("Alice", "lobby")) {
        long stopping = System.nanoTime();
        server.destroy(); // SIGTERM

        ChatClient.Closed closed = alice.awaitClose();
        assertEquals(1001, closed.code());
        assertFalse(closed.reason().isBlank());
        assertTrue(server.waitFor(5, TimeUnit.SECONDS), "still running 5 s after SIGTERM");
        assertTrue(Duration.ofNanos(System.nanoTime() - stopping).toMillis() < 5000);
      }
    } finally {
      server.destroyForcibly();
    }
  }

  /** Reads the server's log until it says where it listens; keeps draining it so the pipe never fills. */
  private static CompletableFuture<Integer> wsPortFrom(Process server) {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader log = new BufferedReader(
          new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = log.readLine(); line != null; line = log.readLine()) {
          Matcher matcher = WS_PORT.matcher(line);
          if (matcher.find()) {
            port.complete(Integer.parseInt(matcher.group(1)));
          }
        }
        port.completeExceptionally(new AssertionError("The server ended without saying where it listens"));
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
    }, "server-log");
    reader.setDaemon(true);
    reader.start();
    return port;
  }
}
