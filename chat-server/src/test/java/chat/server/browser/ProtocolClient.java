package chat.server.browser;

import chat.protocol.ClientMessage;
import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A lightweight chat user speaking the wire protocol directly: far cheaper than another Chromium when a test
 * only needs someone else in a room.
 */
final class ProtocolClient implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ProtocolCodec codec = new ProtocolCodec();
  private final BlockingQueue<ServerMessage> inbox = new LinkedBlockingQueue<>();
  private final AtomicLong refs = new AtomicLong();
  private final WebSocketClient socket;

  private ProtocolClient(URI wsUri) {
    this.socket = new WebSocketClient(wsUri) {
      @Override
      public void onOpen(ServerHandshake handshake) {}

      @Override
      public void onMessage(String text) {
        try {
          inbox.add(codec.decodeServer(text));
        } catch (ProtocolException e) {
          throw new IllegalStateException("The server sent an unreadable frame: " + text, e);
        }
      }

      @Override
      public void onClose(int code, String reason, boolean remote) {}

      @Override
      public void onError(Exception e) {}
    };
  }

  /** Connects and joins; fails the test when the server refuses. */
  static ProtocolClient joined(URI wsUri, String username, String room) throws InterruptedException {
    ProtocolClient client = new ProtocolClient(wsUri);
    if (!client.socket.connectBlocking(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("Could not connect to " + wsUri);
    }
    client.request(new ClientMessage.Join(client.refs.incrementAndGet(), username, room));
    return client;
  }

  void say(String text) throws InterruptedException {
    request(new ClientMessage.SendMessage(refs.incrementAndGet(), text));
  }

  void shareLocation(double latitude, double longitude) throws InterruptedException {
    request(new ClientMessage.SendLocation(refs.incrementAndGet(), latitude, longitude));
  }

  /** Sends a request and waits for its successful ack. */
  private void request(ClientMessage message) throws InterruptedException {
    socket.send(codec.encode(message));
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      ServerMessage received = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (received == null) {
        throw new IllegalStateException("No ack for " + message);
      }
      if (received instanceof Ack ack && ack.ref() == message.ref()) {
        if (!ack.isOk()) {
          throw new IllegalStateException(message + " was refused: " + ack.error());
        }
        return;
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.closeBlocking();
  }
}
