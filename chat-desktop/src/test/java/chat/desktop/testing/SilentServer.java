package chat.desktop.testing;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** A WebSocket server that accepts connections and never answers anything, not even a ping. */
public final class SilentServer extends WebSocketServer implements AutoCloseable {
  private final CompletableFuture<Void> started = new CompletableFuture<>();

  private SilentServer() {
    super(new InetSocketAddress("127.0.0.1", 0));
  }

  public static SilentServer open() throws Exception {
    SilentServer server = new SilentServer();
    server.setReuseAddr(true);
    server.start();
    server.started.get(10, TimeUnit.SECONDS);
    return server;
  }

  public URI uri() {
    return URI.create("ws://127.0.0.1:" + getPort());
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {}

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

  @Override
  public void onMessage(WebSocket conn, String message) {}

  @Override
  public void onError(WebSocket conn, Exception ex) {}

  @Override
  public void onStart() {
    started.complete(null);
  }

  @Override
  public void onWebsocketPing(WebSocket conn, Framedata frame) {}

  @Override
  public void close() {
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
