package chat.server.transport;

import chat.protocol.ServerMessage;
import chat.server.metrics.CloseReason;
import chat.server.metrics.ConnectionMetrics;
import chat.server.room.Peer;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java-WebSocket connection as a {@link Peer}. Frames go straight onto the connection's send queue
 * ({@link SelectorHookServer#enqueue}, in the caller's order whatever its thread) and the {@link WriteScheduler}
 * writes them: the library's own {@code send} copies the frame for every recipient and formats a trace string per
 * frame even with tracing off (docs/decisions/0007-shared-frame-fanout.md). A peer that does not read fast enough
 * to keep its queue under the {@link SendBudget} is dropped: it misses what follows and its connection is cut,
 * which makes its user leave the room (docs/decisions/0005-hardening-limits.md).
 */
final class WebSocketPeer implements Peer {
  private static final Logger log = LoggerFactory.getLogger(WebSocketPeer.class);

  private final WebSocketImpl connection;
  private final WriteScheduler writes;
  private final WriteScheduler.Target target;
  private final FrameEncoder frames;
  private final SendBudget budget;
  /** Runs the drop on the selector, outside the room lock the fan-out holds (the leave takes it again). */
  private final SelectorLoop loop;
  private final ConnectionMetrics metrics;
  private final AtomicBoolean dropped = new AtomicBoolean();
  /** Why the server is closing this connection, once it decided to; null for a close it did not choose. */
  private volatile CloseReason closing;

  WebSocketPeer(WebSocketImpl connection, WriteScheduler writes, FrameEncoder frames, SendBudget budget,
      SelectorLoop loop, ConnectionMetrics metrics) {
    this.connection = connection;
    this.writes = writes;
    this.target = writes.register(connection);
    this.frames = frames;
    this.budget = budget;
    this.loop = loop;
    this.metrics = metrics;
  }

  /**
   * A reply to this connection: written at the end of this pass, with any room frames queued before it. A
   * history is exempt from the send budget: the peer asked for it, and may be sent more than it could buffer.
   */
  @Override
  public void send(ServerMessage message) {
    ByteBuffer frame = frames.encode(message);
    if (message instanceof ServerMessage.History) {
      budget.exempt(frame);
    }
    queue(frame, true);
  }

  /** A room message: encoded once for all its recipients, written when the {@link FlushPolicy} says. */
  @Override
  public void deliver(ServerMessage message) {
    queue(frames.encodeShared(message), false);
  }

  /** Closes with 1000 after what is queued, on the selector (a seat taken over: the client must not retry). */
  @Override
  public void close(String reason) {
    closingFor(CloseReason.REPLACED);
    if (!loop.runOnSelector(() -> connection.close(CloseFrame.NORMAL, reason))) {
      connection.close(CloseFrame.NORMAL, reason);
    }
  }

  /** True once this peer was cut for not reading: to its client that is a lost connection, not a departure. */
  boolean wasDropped() {
    return dropped.get();
  }

  /** The server is about to close this connection, for {@code reason}; the first reason given is kept. */
  void closingFor(CloseReason reason) {
    if (closing == null) {
      closing = reason;
    }
  }

  /** Why the server closed it, or null when the server did not choose to (the client left, the network). */
  CloseReason closingReason() {
    return closing;
  }

  /** The connection closed: nothing more is written to it. */
  void closed() {
    writes.unregister(target);
  }

  private void queue(ByteBuffer frame, boolean reply) {
    if (dropped.get() || !connection.isOpen()) {
      return; // a closing peer just misses the message; its close handler does the clean-up
    }
    int bytes = frame.remaining();
    SelectorHookServer.enqueue(connection, frame);
    queuedBytes(bytes);
    writes.queued(target, bytes, reply);
  }

  /** Accounts for bytes queued on this connection, here or by the library itself (pongs). */
  void queuedBytes(int bytes) {
    if (budget.exceededAfter(bytes, SelectorHookServer.sendQueue(connection)) && dropped.compareAndSet(false, true)) {
      log.info("Dropping {}: it is not reading what it is sent", ClientConnection.addressOf(connection).display());
      closingFor(CloseReason.SLOW_CONSUMER);
      metrics.slowConsumerDropped();
      if (!loop.runOnSelector(this::drop)) {
        drop(); // no selector to run it: the server is stopping
      }
    }
  }

  private void drop() {
    SelectorHookServer.discardQueued(connection);
    // No close frame: it would wait behind everything the peer is not reading.
    connection.closeConnection(CloseFrame.POLICY_VALIDATION, "Too slow: too much data waiting to be sent");
  }
}
