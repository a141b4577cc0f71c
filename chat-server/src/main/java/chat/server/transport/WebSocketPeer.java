package chat.server.transport;

import chat.protocol.ServerMessage;
import chat.server.room.Peer;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java-WebSocket connection as a {@link Peer}. Frames are put straight on the connection's send queue
 * ({@link WebSocketImpl#outQueue}) and the selector is asked to write: the library's own {@code send} copies the
 * frame for every recipient and formats a trace string per frame even with tracing off, which dominated
 * fan-out cost (docs/decisions/0007-shared-frame-fanout.md). A peer that does not read fast enough to keep its
 * queue under the {@link SendBudget} is dropped: it misses what follows and its connection is cut, which makes
 * its user leave the room (docs/decisions/0005-hardening-limits.md).
 */
final class WebSocketPeer implements Peer {
  private static final Logger log = LoggerFactory.getLogger(WebSocketPeer.class);

  private final WebSocketImpl connection;
  private final PassEndWrites writes;
  private final PassEndWrites.Target target;
  private final FrameEncoder frames;
  private final SendBudget budget;
  /** Runs the drop: it must not happen under the room lock the fan-out holds (the leave takes it again). */
  private final Executor closer;
  private final StalledWriteGuard stalls;
  private final StalledWriteGuard.Watch watch;
  private final DeferredWrites deferred;
  private final DeferredWrites.Entry deferredEntry;
  private final AtomicBoolean dropped = new AtomicBoolean();

  WebSocketPeer(WebSocketImpl connection, PassEndWrites writes, FrameEncoder frames, SendBudget budget,
      Executor closer, StalledWriteGuard stalls, DeferredWrites deferred) {
    this.connection = connection;
    this.writes = writes;
    this.target = new PassEndWrites.Target(connection);
    this.frames = frames;
    this.budget = budget;
    this.closer = closer;
    this.stalls = stalls;
    this.deferred = deferred;
    this.deferredEntry = new DeferredWrites.Entry(this::askForWrite);
    this.watch = new StalledWriteGuard.Watch(connection,
        () -> deferredEntry.isRequested() || writes.isListed(target));
  }

  /** A reply to this connection: written at once, together with any room frames queued before it. */
  @Override
  public void send(ServerMessage message) {
    if (queue(frames.encode(message))) {
      writes.request(target);
    }
  }

  /**
   * A room message: every member gets a read-only view of one encoding ({@link FrameEncoder#encodeShared}), written
   * at the end of the selector's pass like any room frame.
   */
  @Override
  public void deliver(ServerMessage message) {
    enqueue(frames.encodeShared(message), false);
  }

  /**
   * Queues one complete room frame, written at the end of the selector's pass (after a busy pass possibly the
   * next one, {@link PassEndWrites}) or, when {@code defer}, within the fan-out flush delay. The buffer may be
   * shared with other peers' queues as a read-only duplicate: each queue entry has its own position, and nobody
   * writes to the bytes.
   */
  void enqueue(ByteBuffer frame, boolean defer) {
    if (!queue(frame)) {
      return;
    }
    if (defer) {
      deferred.request(deferredEntry);
    } else {
      writes.requestRoomFrame(target);
    }
  }

  private void askForWrite() {
    if (connection.isOpen()) {
      writes.request(target);
    }
  }

  private boolean queue(ByteBuffer frame) {
    if (dropped.get() || !connection.isOpen()) {
      return false; // a closing peer just misses the message; its close handler does the clean-up
    }
    int bytes = frame.remaining();
    connection.outQueue.add(frame);
    queuedBytes(bytes);
    return true;
  }

  /** Accounts for bytes queued on this connection, here or by the library itself (pongs). */
  void queuedBytes(int bytes) {
    stalls.queued(watch);
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
