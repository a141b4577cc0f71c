package chat.server.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the page and the server's WebSocket port that a test can cut like a failing network: the
 * page sees its connection drop (1006) and the server a peer gone without a close frame, so the seat is held.
 * While {@link #refuse(boolean) refusing}, new connections are closed at once, as if the network were down.
 */
final class CuttableProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean refusing;

  private CuttableProxy(int targetPort) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    Thread accept = new Thread(this::acceptLoop, "cuttable-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  static CuttableProxy to(int targetPort) {
    try {
      return new CuttableProxy(targetPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL for the server's --public-ws-url, so pages connect through here. */
  URI wsUri() {
    return URI.create("ws://127.0.0.1:" + listener.getLocalPort());
  }

  /** Drops every open connection without a close frame (an RST on both sides). */
  void cut() {
    for (Socket socket : sockets) {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
    sockets.clear();
  }

  /** While true, the network is down: new connections are closed as soon as they arrive. */
  void refuse(boolean refuse) {
    refusing = refuse;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket page = listener.accept();
        if (refusing) {
          page.setSoLinger(true, 0);
          page.close();
          continue;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(page);
        sockets.add(server);
        pump(page, server);
        pump(server, page);
      } catch (IOException e) {
        // the listener closed, or the server is not there: the page sees a failed connect
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException ignored) {
        // cut or closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "cuttable-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  @Override
  public void close() {
    cut();
    try {
      listener.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }
}
