package chat.protocol.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Debian's haproxy terminating TLS in front of one chat server on loopback, with the configuration
 * docs/tls.md shows (checked by {@code TlsProxyConfigDocTest}): one https port, {@code /ws} with an
 * {@code Upgrade: websocket} header to the WebSocket port, everything else to the pages. Runs in the foreground
 * ({@code -db}) as a child of the test, which stops it.
 */
public final class TlsProxy implements AutoCloseable {
  public static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final int port;
  private final Path log;

  private TlsProxy(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * A loopback port free right now, for the proxy: the server must be told its public WebSocket URL (with this
   * port) before the proxy can be pointed at the server's own ports.
   */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts haproxy on {@code 127.0.0.1:port} with its files in {@code directory}, and returns once it completes
   * TLS handshakes with {@code certificate}.
   */
  public static TlsProxy start(Path directory, SelfSignedCertificate certificate, int port, int pagesPort,
      int wsPort) {
    ExternalProgram.require(HAPROXY, "haproxy");
    Path cfg = directory.resolve("haproxy.cfg");
    Path log = directory.resolve("haproxy.log");
    try {
      Files.writeString(cfg, config("127.0.0.1:" + port, certificate.haproxyPem().toString(), pagesPort, wsPort));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Process process = ExternalProgram.start(List.of(HAPROXY.toString(), "-f", cfg.toString(), "-db"), log);
    TlsProxy proxy = new TlsProxy(process, port, log);
    try {
      proxy.awaitHandshake(certificate.trustingOnlyThis());
      return proxy;
    } catch (RuntimeException | Error e) {
      proxy.close();
      throw e;
    }
  }

  /**
   * The configuration: {@code bind} is haproxy's address ({@code :443} in production), {@code pem} the
   * certificate with its key, the two ports the chat server's on {@code 127.0.0.1}.
   */
  public static String config(String bind, String pem, int pagesPort, int wsPort) {
    return String.join("\n",
        "defaults",
        "    mode http",
        "    timeout connect 5s",
        "    timeout http-request 10s",
        "    timeout client 30s",
        "    timeout server 30s",
        "    # An open chat connection is a tunnel; the server pings every 20 s, so this only ends dead ones.",
        "    timeout tunnel 1h",
        "    option forwardfor",
        "",
        "frontend chat_https",
        "    bind " + bind + " ssl crt " + pem + " alpn http/1.1",
        "    http-request set-header X-Forwarded-Proto https",
        "    acl chat_ws path /ws",
        "    acl websocket_upgrade hdr(upgrade) -i websocket",
        "    use_backend chat_websocket if chat_ws websocket_upgrade",
        "    default_backend chat_pages",
        "",
        "backend chat_pages",
        "    server pages 127.0.0.1:" + pagesPort,
        "",
        "backend chat_websocket",
        "    server chat 127.0.0.1:" + wsPort,
        "");
  }

  public int port() {
    return port;
  }

  /** The pages through the proxy: {@code https://localhost:PORT/}. */
  public URI httpsUri() {
    return URI.create("https://localhost:" + port + "/");
  }

  /** The WebSocket through the proxy: {@code wss://localhost:PORT/ws}. */
  public URI wssUri() {
    return URI.create("wss://localhost:" + port + "/ws");
  }

  /** Stops haproxy (SIGTERM, then SIGKILL if it lingers) and waits until it has exited. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitHandshake(SSLContext tls) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("haproxy exited with " + process.exitValue() + ": "
            + ExternalProgram.output(log));
      }
      try {
        handshake(tls);
        return;
      } catch (IOException e) {
        last = e;
      }
      waitForExit(Duration.ofMillis(50)); // returns early if haproxy dies, which the next round reports
    }
    throw new IllegalStateException("haproxy did not complete a TLS handshake on port " + port + " within "
        + READY_TIMEOUT.toSeconds() + " s (last: " + last + "): " + ExternalProgram.output(log));
  }

  private void handshake(SSLContext tls) throws IOException {
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      plain.setSoTimeout(5000);
      try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", port, false)) {
        socket.startHandshake();
      }
    }
  }

  private void waitForExit(Duration timeout) {
    try {
      process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for haproxy", e);
    }
  }
}
