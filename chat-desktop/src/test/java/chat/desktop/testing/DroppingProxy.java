package chat.desktop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of one server port that can drop its connections without a close frame, as a network
 * does, and refuse new ones for a while: one client loses its connection while the server and the others go
 * on. Its target may be set after it started (its port is needed to start the server that it fronts).
 */
public final class DroppingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile int targetPort;
  private volatile boolean refusing;

  public DroppingProxy() {
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread accepting = new Thread(this::accept, "proxy-accept");
    accepting.setDaemon(true);
    accepting.start();
  }

  public void forwardTo(int port) {
    targetPort = port;
  }

  /**
   * {@code ws://localhost:<port>}: a WebSocket address through this relay, under the host name the test
   * server's pages use, so that a page's {@code Origin} counts as the server's own.
   */
  public URI wsUri() {
    return URI.create("ws://localhost:" + listener.getLocalPort());
  }

  /** Cuts every relayed connection and refuses new ones until {@link #heal}. */
  public void cut() {
    refusing = true;
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  public void heal() {
    refusing = false;
  }

  @Override
  public void close() {
    cut();
    closeQuietly(listener);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (refusing || targetPort == 0) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        // the listener closed, or the target refused this one: the client sees a failed connection
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // one side went away; the other is closed below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // closing is all we wanted
    }
  }
}
