package chat.server.transport;

import chat.protocol.ProtocolCodec;
import chat.protocol.ServerMessage;
import chat.server.room.Peer;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java-WebSocket connection as a {@link Peer}: messages to it are encoded and queued on its socket. A peer that
 * does not read fast enough to keep its queue under the {@link SendBudget} is dropped: it misses what follows and
 * its connection is cut, which makes its user leave the room.
 */
final class WebSocketPeer implements Peer {
  private static final Logger log = LoggerFactory.getLogger(WebSocketPeer.class);

  private final WebSocketImpl connection;
  private final ProtocolCodec codec;
  private final SendBudget budget;
  /** Runs the drop: it must not happen under the room lock the fan-out holds (the leave takes it again). */
  private final Executor closer;
  private final AtomicBoolean dropped = new AtomicBoolean();

  WebSocketPeer(WebSocketImpl connection, ProtocolCodec codec, SendBudget budget, Executor closer) {
    this.connection = connection;
    this.codec = codec;
    this.budget = budget;
    this.closer = closer;
  }

  @Override
  public void send(ServerMessage message) {
    if (dropped.get()) {
      return;
    }
    String text = codec.encode(message);
    try {
      connection.send(text);
    } catch (WebsocketNotConnectedException e) {
      return; // The peer is going away; its close handler does the clean-up.
    }
    checkBudget(text.length());
  }

  /** Queues frames that were built once for many peers; {@code bytes} is their payload size. */
  void sendFrames(List<Framedata> frames, int bytes) {
    if (dropped.get()) {
      return;
    }
    try {
      connection.sendFrame(frames);
    } catch (WebsocketNotConnectedException e) {
      return; // As above: a closing peer just misses the message.
    }
    checkBudget(bytes);
  }

  private void checkBudget(int bytes) {
    if (budget.exceededAfter(bytes, connection.outQueue) && dropped.compareAndSet(false, true)) {
      log.info("Dropping {}: it is not reading what it is sent", connection.getRemoteSocketAddress());
      try {
        closer.execute(this::drop);
      } catch (RejectedExecutionException e) {
        // The server is shutting down and closes every connection anyway.
      }
    }
  }

  private void drop() {
    connection.outQueue.clear();
    // No close frame: it would wait behind everything the peer is not reading.
    connection.closeConnection(CloseFrame.POLICY_VALIDATION, "Too slow: too much data waiting to be sent");
  }
}
