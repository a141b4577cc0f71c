package chat.desktop.testing;

import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** A real chat server on free loopback ports, restartable on the same ports for reconnect tests. */
public final class TestServer implements AutoCloseable {
  private final String[] store;
  private ChatServer server;
  private int httpPort;
  private int wsPort;

  private TestServer(String[] store) {
    this.store = store;
    this.server = ChatServer.start(config().withPorts(0, 0));
    this.httpPort = server.httpPort();
    this.wsPort = server.wsPort();
  }

  /** History in memory: a restarted server starts with no users and no rooms. */
  public static TestServer start() {
    return startWith();
  }

  /** History in memory, with more server options (such as {@code --max-room-length 20}). */
  public static TestServer startWith(String... options) {
    return new TestServer(joined(new String[] {"--store", "memory"}, options));
  }

  /**
   * History and seats in a SQLite store in {@code dataDir}: a restart is then a drop for everybody, as in
   * production, and each seat is held for the reconnect grace after the next start.
   */
  public static TestServer startKeepingSeats(Path dataDir) {
    return startKeepingSeatsWith(dataDir);
  }

  /** As {@link #startKeepingSeats}, with more server options (such as {@code --max-recovery 2}). */
  public static TestServer startKeepingSeatsWith(Path dataDir, String... options) {
    return new TestServer(joined(new String[] {"--store", "sqlite", "--data-dir", dataDir.toString()}, options));
  }

  private static String[] joined(String[] store, String[] options) {
    String[] args = Arrays.copyOf(store, store.length + options.length);
    System.arraycopy(options, 0, args, store.length, options.length);
    return args;
  }

  /**
   * History in memory, and pages told to open their WebSocket at {@code publicWsUrl}: for a server behind a
   * reverse proxy such as {@code chat.protocol.testing.TlsProxy}.
   */
  public static TestServer startBehindProxy(URI publicWsUrl) {
    return new TestServer(new String[] {"--store", "memory", "--public-ws-url", publicWsUrl.toString()});
  }

  /** Loopback only; no rate limit or user-list coalescing, so tests see every update at once. */
  private ServerConfig config() {
    String[] common = {"--host", "127.0.0.1", "--rate-limit", "0", "--room-data-delay", "0"};
    String[] args = new String[common.length + store.length];
    System.arraycopy(common, 0, args, 0, common.length);
    System.arraycopy(store, 0, args, common.length, store.length);
    return ServerConfig.parse(args, Map.of());
  }

  /** Stops the server; every client connection drops. */
  public void stop() {
    server.close();
  }

  /** Starts the server again on the same ports, with the same store (so a memory one starts empty). */
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

  /** The HTTP (pages and API) port, which a reverse proxy forwards to. */
  public int httpPort() {
    return httpPort;
  }

  /** The WebSocket port, which a reverse proxy forwards {@code /ws} to. */
  public int wsPort() {
    return wsPort;
  }

  @Override
  public void close() {
    server.close();
  }
}
