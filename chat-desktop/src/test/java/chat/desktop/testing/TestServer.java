package chat.desktop.testing;

import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.net.URI;
import java.util.Map;

/** A real chat server on free loopback ports, restartable on the same ports for reconnect tests. */
public final class TestServer implements AutoCloseable {
  private ChatServer server;
  private int httpPort;
  private int wsPort;

  private TestServer(ChatServer server) {
    this.server = server;
    this.httpPort = server.httpPort();
    this.wsPort = server.wsPort();
  }

  public static TestServer start() {
    return new TestServer(ChatServer.start(config().withPorts(0, 0)));
  }

  /**
   * Loopback only; no rate limit or user-list coalescing, so tests see every update at once; history in memory,
   * so a restarted server starts with no users and no rooms.
   */
  private static ServerConfig config() {
    return ServerConfig.parse(new String[] {"--host", "127.0.0.1", "--rate-limit", "0", "--room-data-delay", "0",
        "--store", "memory"}, Map.of());
  }

  /** Stops the server; every client connection drops. */
  public void stop() {
    server.close();
  }

  /** Starts a fresh server (no users, no rooms) on the same ports. */
  public void startAgain() {
    server = ChatServer.start(config().withPorts(httpPort, wsPort));
  }

  /** The address a user would type: {@code http://localhost:PORT/}. */
  public String address() {
    return server.httpUri().toString();
  }

  public URI wsUri() {
    return server.wsUri();
  }

  @Override
  public void close() {
    server.close();
  }
}
