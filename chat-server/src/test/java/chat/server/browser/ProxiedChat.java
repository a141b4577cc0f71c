package chat.server.browser;

import chat.protocol.testing.CuttableRelay;
import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server whose pages reach the WebSocket through a {@link CuttableRelay}, so a test can drop the page's
 * connection, keep the network down, or restart the server on the same ports and data directory (SQLite in the
 * test's temporary directory: seats and history survive the restart).
 */
final class ProxiedChat implements AutoCloseable {
  private final Path dataDir;
  private final List<String> extraArgs;
  private final int wsPort = freePort();
  private final CuttableRelay proxy = new CuttableRelay(wsPort);
  private ChatServer server;
  private boolean running;
  private int httpPort;

  ProxiedChat(Path dataDir, String... extraArgs) {
    this.dataDir = dataDir;
    this.extraArgs = List.of(extraArgs);
    startServer();
  }

  void startServer() {
    List<String> args = new ArrayList<>(List.of("--store", "sqlite", "--data-dir", dataDir.toString(),
        "--public-ws-url", proxy.wsUri("127.0.0.1").toString()));
    args.addAll(extraArgs);
    server = ChatServer.start(ServerConfig.parse(args.toArray(String[]::new), Map.of()).withPorts(httpPort, wsPort));
    httpPort = server.httpPort();
    running = true;
  }

  /** Every connection drops (the server treats that as a drop: seats are held) and nothing answers. */
  void stopServer() {
    running = false;
    server.close();
  }

  /** The page's address, on the host the proxy listens on (so the WebSocket's origin check passes). */
  URI pageUri() {
    return URI.create("http://127.0.0.1:" + httpPort + "/");
  }

  /** Where test clients connect, past the proxy. */
  URI wsUri() {
    return server.wsUri();
  }

  CuttableRelay proxy() {
    return proxy;
  }

  @Override
  public void close() {
    try {
      proxy.close();
    } finally {
      if (running) server.close();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
