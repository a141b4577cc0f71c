package chat.server.transport;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.server.WebSocketServer;

/**
 * Works around a lost wake-up in Java-WebSocket 1.6.0 (the symptom of upstream #145): a thread queues a frame
 * and asks for a write while the selector, having just emptied that queue, is about to switch the socket back to
 * read-only.
 * The frame then waits until the next write on that connection, up to a ping interval for a quiet one. Every
 * connection with queued frames is watched; each sweep re-asks for a write where frames wait and nobody will
 * write them, so a stall lasts at most one sweep. Cost: one flag check per queued frame, and per sweep one look
 * at each connection that had frames queued since the last.
 */
final class StalledWriteGuard {
  static final long SWEEP_MILLIS = 20;

  /** One connection's registration; {@code watched} is true while it is in the sweep's list. */
  static final class Watch {
    private final WebSocketImpl connection;
    private final BooleanSupplier flushPending;
    private final AtomicBoolean watched = new AtomicBoolean();

    /** {@code flushPending}: frames that wait on purpose (deferred writes) are not stalled. */
    Watch(WebSocketImpl connection, BooleanSupplier flushPending) {
      this.connection = connection;
      this.flushPending = flushPending;
    }
  }

  private final WebSocketServer server;
  private final Queue<Watch> pending = new ConcurrentLinkedQueue<>();

  StalledWriteGuard(WebSocketServer server) {
    this.server = server;
  }

  /** Called after frames were queued on the watched connection. */
  void queued(Watch watch) {
    // Read first: the flag is nearly always set already, and a failing compare-and-set still locks the line.
    if (!watch.watched.get() && watch.watched.compareAndSet(false, true)) {
      pending.add(watch);
    }
  }

  /** Runs every {@link #SWEEP_MILLIS} on the scheduler. */
  void sweep() {
    List<Watch> batch = new ArrayList<>();
    for (Watch watch = pending.poll(); watch != null; watch = pending.poll()) {
      batch.add(watch);
    }
    for (Watch watch : batch) {
      if (isIdle(watch.connection)) {
        watch.watched.set(false);
        // A frame queued between the check and the reset finds the flag already set; look once more.
        if (isIdle(watch.connection) || !watch.watched.compareAndSet(false, true)) {
          continue;
        }
      }
      if (!watch.flushPending.getAsBoolean()) {
        resumeIfStalled(watch.connection);
      }
      pending.add(watch);
    }
  }

  private static boolean isIdle(WebSocketImpl connection) {
    return connection.outQueue.isEmpty() || connection.getReadyState() == ReadyState.CLOSED;
  }

  private void resumeIfStalled(WebSocketImpl connection) {
    SelectionKey key = connection.getSelectionKey();
    try {
      if (key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) == 0) {
        server.onWriteDemand(connection);
      }
    } catch (CancelledKeyException e) {
      // closed meanwhile: nothing left to write
    }
  }
}
