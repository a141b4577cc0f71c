package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.config.ServerConfig;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server that cannot start says so in one sentence naming the flag to change. */
class StartupFailuresTest {

  @Test
  void aBusyWebSocketPortNamesWsPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      StartupException e = assertThrows(StartupException.class, () -> start("--port", "0", "--ws-port", port));
      assertEquals("Port " + port + " (--ws-port) is already in use: stop the other server or pick another"
          + " port with --ws-port", e.getMessage());
    }
  }

  @Test
  void aBusyHttpPortNamesPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      StartupException e = assertThrows(StartupException.class, () -> start("--port", port, "--ws-port", "0"));
      assertEquals("Port " + port + " (--port) is already in use: stop the other server or pick another"
          + " port with --port", e.getMessage());
    }
  }

  @Test
  void anUnresolvableHostNamesHostRatherThanAPort() {
    StartupException e = assertThrows(StartupException.class,
        () -> start("--host", "no-such-host.invalid", "--port", "0"));
    assertTrue(e.getMessage().startsWith("Cannot resolve --host no-such-host.invalid: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("; set --host to a name this machine can look up, or to an address"
        + " such as 0.0.0.0"), e.getMessage());
  }

  @Test
  void aFailedStartLetsGoOfTheWebSocketPortItHadBound() throws Exception {
    int wsPort = freePort();
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThrows(StartupException.class, () -> start("--port", taken.getLocalPort(), "--ws-port", wsPort));
    }
    try (ServerSocket again = new ServerSocket(wsPort)) {
      assertEquals(wsPort, again.getLocalPort());
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static ChatServer start(Object... flags) {
    String[] args = new String[flags.length];
    for (int i = 0; i < flags.length; i++) {
      args[i] = String.valueOf(flags[i]);
    }
    return ChatServer.start(ServerConfig.parse(args, Map.of("STORE", "memory")));
  }
}
