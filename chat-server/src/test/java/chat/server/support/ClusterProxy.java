package chat.server.support;

import chat.protocol.testing.ExternalProgram;
import chat.protocol.testing.TlsProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's haproxy as the load balancer in front of several nodes on loopback: pages and WebSocket
 * ({@code /ws} with an upgrade header) round-robin, each node checked on its {@code /healthz} twice a second,
 * so a dead or draining node gets no new connections. Runs in the foreground as a child of the test.
 */
public final class ClusterProxy implements AutoCloseable {
  private static final Duration READY = Duration.ofSeconds(15);

  /** A node's address and its two ports. */
  public record Node(String host, int pagesPort, int wsPort) {
    /** A node on loopback. */
    public Node(int pagesPort, int wsPort) {
      this("127.0.0.1", pagesPort, wsPort);
    }
  }

  private final Process process;
  private final int port;

  private ClusterProxy(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  public static ClusterProxy start(Path directory, int port, List<Node> nodes) throws Exception {
    ExternalProgram.require(TlsProxy.HAPROXY, "haproxy");
    Path cfg = directory.resolve("cluster-haproxy.cfg");
    Path log = directory.resolve("cluster-haproxy.log");
    Files.writeString(cfg, config("127.0.0.1:" + port, nodes));
    Process process = ExternalProgram.start(List.of(TlsProxy.HAPROXY.toString(), "-f", cfg.toString(), "-db"), log);
    ClusterProxy proxy = new ClusterProxy(process, port);
    long deadline = System.nanoTime() + READY.toNanos();
    while (!proxy.accepts()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        proxy.close();
        throw new AssertionError("haproxy did not start: " + ExternalProgram.output(log));
      }
      process.waitFor(20, TimeUnit.MILLISECONDS); // a bounded wait between connection attempts
    }
    return proxy;
  }

  /**
   * The configuration docs/cluster.md shows (checked by {@code ClusterDocTest}): {@code bind} is haproxy's
   * listening address, with its TLS settings in production.
   */
  public static String config(String bind, List<Node> nodes) {
    List<String> lines = new ArrayList<>(List.of(
        "defaults",
        "    mode http",
        "    timeout connect 2s",
        "    timeout http-request 10s",
        "    timeout client 30s",
        "    timeout server 30s",
        "    timeout tunnel 1h",
        "    option forwardfor",
        "    option httpchk GET /healthz",
        "    # A connection to a node that died since its last check is tried again on another node.",
        "    option redispatch",
        "    retries 2",
        "    default-server inter 500ms fall 1 rise 2",
        "",
        "frontend chat",
        "    bind " + bind,
        "    acl chat_ws path /ws",
        "    acl websocket_upgrade hdr(upgrade) -i websocket",
        "    use_backend chat_websocket if chat_ws websocket_upgrade",
        "    default_backend chat_pages",
        "",
        "backend chat_pages",
        "    balance roundrobin"));
    for (int i = 0; i < nodes.size(); i++) {
      lines.add("    server pages" + i + " " + nodes.get(i).host() + ":" + nodes.get(i).pagesPort() + " check");
    }
    lines.addAll(List.of("", "backend chat_websocket", "    balance roundrobin"));
    for (int i = 0; i < nodes.size(); i++) {
      lines.add("    server ws" + i + " " + nodes.get(i).host() + ":" + nodes.get(i).wsPort() + " check port "
          + nodes.get(i).pagesPort());
    }
    lines.add("");
    return String.join("\n", lines);
  }

  public URI wsUri() {
    return URI.create("ws://127.0.0.1:" + port + "/ws");
  }

  public URI pagesUri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
