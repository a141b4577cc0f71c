package chat.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.CloseStatus;
import chat.protocol.testing.TestClient;
import chat.server.support.ServerProcess;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real process, stopped the way a service manager stops it: SIGTERM, then it must be gone in 5 s. */
class CleanShutdownTest {

  @Test
  void onSigtermClientsGetGoingAwayAndTheProcessExitsWithinFiveSeconds() throws Exception {
    try (ServerProcess server = ServerProcess.start();
        TestClient alice = TestClient.connect(URI.create("ws://localhost:" + server.wsPort()))
            .joined("Alice", "lobby")) {
      long stopping = System.nanoTime();
      server.process().destroy(); // SIGTERM

      CloseStatus closed = alice.awaitClose();
      assertEquals(1001, closed.code());
      assertFalse(closed.reason().isBlank());
      assertTrue(server.process().waitFor(5, TimeUnit.SECONDS), "still running 5 s after SIGTERM");
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping) < 5000);
    }
  }
}
