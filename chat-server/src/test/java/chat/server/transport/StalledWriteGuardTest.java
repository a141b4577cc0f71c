package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Puts a connection in the state the library's lost wake-up leaves it in (a frame queued, the socket watched for
 * reading only) and checks that the library alone never sends it, and that one sweep does.
 */
class StalledWriteGuardTest {
  private final CompletableFuture<WebSocketImpl> opened = new CompletableFuture<>();
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private WebSocketServer server;
  private WebSocket client;

  @BeforeEach
  void connect() throws Exception {
    server = new WebSocketServer(new InetSocketAddress("localhost", 0)) {
      @Override
      public void onOpen(org.java_websocket.WebSocket connection, ClientHandshake handshake) {
        opened.complete((WebSocketImpl) connection);
      }

      @Override
      public void onClose(org.java_websocket.WebSocket connection, int code, String reason, boolean remote) {}

      @Override
      public void onMessage(org.java_websocket.WebSocket connection, String message) {}

      @Override
      public void onError(org.java_websocket.WebSocket connection, Exception ex) {}

      @Override
      public void onStart() {}
    };
    server.start();
    waitUntil(() -> server.getPort() > 0);
    client = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://localhost:" + server.getPort()), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            received.add(data.toString());
            webSocket.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws InterruptedException {
    client.abort();
    server.stop(1000);
  }

  @Test
  void aFrameLeftWithoutWriteInterestIsSentByTheNextSweep() throws Exception {
    WebSocketImpl connection = readingOnly();
    StalledWriteGuard guard = new StalledWriteGuard(server);

    connection.outQueue.add(textFrame("stuck"));
    guard.queued(new StalledWriteGuard.Watch(connection, () -> false));
    assertNull(received.poll(300, TimeUnit.MILLISECONDS), "the library sent it by itself");

    guard.sweep();
    assertEquals("stuck", received.poll(5, TimeUnit.SECONDS));
  }

  @Test
  void framesWaitingOnPurposeAreLeftAlone() throws Exception {
    WebSocketImpl connection = readingOnly();
    StalledWriteGuard guard = new StalledWriteGuard(server);

    connection.outQueue.add(textFrame("held"));
    guard.queued(new StalledWriteGuard.Watch(connection, () -> true));
    guard.sweep();

    assertNull(received.poll(300, TimeUnit.MILLISECONDS), "sent although it was waiting on purpose");
  }

  /** The open connection, once its socket is watched for reading only. */
  private WebSocketImpl readingOnly() throws Exception {
    WebSocketImpl connection = opened.get(10, TimeUnit.SECONDS);
    waitUntil(() -> (connection.getSelectionKey().interestOps() & SelectionKey.OP_WRITE) == 0);
    return connection;
  }

  private static ByteBuffer textFrame(String text) {
    Draft_6455 draft = new Draft_6455();
    return draft.createBinaryFrame(draft.createFrames(text, false).get(0));
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }
}
