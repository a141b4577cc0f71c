package chat.protocol.testing;

import java.io.Closeable;
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
 * A TCP relay in front of one server port that a test cuts like a failing network: its client sees the
 * connection drop, the server a peer gone without a close frame (1006), so the seat is held; while the relay
 * refuses, new connections are closed as they arrive, as if the network were still down. Only that one client
 * is affected; the server and its other clients go on. The target port may be set after the relay started
 * (a server that fronts it may need the relay's port first).
 */
public final class CuttableRelay implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final ServerSocket listener;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile int targetPort;
  private volatile boolean refusing;

  /** A relay on a free loopback port, forwarding to {@code targetPort} (0: not yet; see {@link #forwardTo}). */
  public CuttableRelay(int targetPort) {
    this.targetPort = targetPort;
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread accepting = new Thread(this::accept, "relay-accept");
    accepting.setDaemon(true);
    accepting.start();
  }

  public CuttableRelay() {
    this(0);
  }

  public void forwardTo(int port) {
    targetPort = port;
  }

  /**
   * {@code ws://HOST:<port>}: a WebSocket address through this relay; {@code host} is the name the pages of the
   * server use, so that a page's {@code Origin} counts as the server's own.
   */
  public URI wsUri(String host) {
    return URI.create("ws://" + host + ":" + listener.getLocalPort());
  }

  /** Drops every relayed connection (a reset on both sides) and refuses new ones until {@link #heal}. */
  public void cut() {
    refusing = true;
    for (Socket socket : open) {
      reset(socket);
    }
    open.clear();
  }

  /** Refuses new connections until {@link #heal}, leaving the open ones as they are. */
  public void refuseNew() {
    refusing = true;
  }

  /** The network is back: new connections are relayed again. */
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
          reset(client);
          continue;
        }
        Socket server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), CONNECT_TIMEOUT_MILLIS);
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
        // cut, or one side went away; both are closed below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "relay-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      // already closed
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // closing is all we wanted
    }
  }
}
