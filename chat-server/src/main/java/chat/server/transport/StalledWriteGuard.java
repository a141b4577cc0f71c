package chat.server.transport;

import chat.server.metrics.ConnectionMetrics;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.enums.ReadyState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path's safety net, counted: every sweep looks for frames that wait on a connection while nothing will
 * write them (no write scheduled, or one scheduled long ago, and no write interest armed), and has the library
 * write them once they have waited through a whole sweep in which the selector ended a pass: a selector still
 * in one long pass (its core taken by others) has forgotten nothing. A healthy server never needs it: each rescue is a bug in the {@link WriteScheduler} or a change in
 * the library, so it is logged at WARN and counted on {@code /healthz} and {@code /metrics}, and a busy-run test
 * expects zero.
 */
final class StalledWriteGuard {
  private static final Logger log = LoggerFactory.getLogger(StalledWriteGuard.class);
  static final long SWEEP_MILLIS = 250;
  /** A scheduled write this old is stalled: a pass over 10,000 busy connections takes about 100 ms. */
  static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  private static final Runnable NOTHING = () -> {};

  private final WriteScheduler writes;
  private final SelectorLoop loop;
  private final LongSupplier nanoClock;
  private final ConnectionMetrics metrics;
  private final AtomicLong rescues = new AtomicLong();

  StalledWriteGuard(WriteScheduler writes, SelectorLoop loop, LongSupplier nanoClock, ConnectionMetrics metrics) {
    this.writes = writes;
    this.loop = loop;
    this.nanoClock = nanoClock;
    this.metrics = metrics;
  }

  /** Stalled writes found and restarted since the server started. */
  long rescues() {
    return rescues.get();
  }

  /** Runs every {@link #SWEEP_MILLIS} on a timer thread. */
  void sweep() {
    long now = nanoClock.getAsLong();
    for (WriteScheduler.Target target : writes.targets()) {
      WebSocketImpl connection = target.connection;
      // The cheap looks first: peeking takes the queue's lock, which the selector wants for every frame.
      if (target.isScheduledWithin(now, STALL_NANOS) || SelectorHookServer.sendQueue(connection).isEmpty()) {
        target.guardSeenHead = null;
        continue;
      }
      ByteBuffer head = SelectorHookServer.sendQueue(connection).peek();
      if (head == null || connection.getReadyState() == ReadyState.CLOSED || isWriteArmed(connection)) {
        target.guardSeenHead = null;
      } else if (head != target.guardSeenHead) {
        target.guardSeenHead = head; // queued just now, maybe: stalled if still there at the next sweep
        target.guardSeenPasses = loop.passesEnded();
      } else if (loop.passesEnded() > target.guardSeenPasses) {
        target.guardSeenHead = null; // the selector ended a pass since and did not write it: forgotten
        rescue(connection);
      } else {
        // No pass ended since: the selector is busy in a long one (a starved core) or asleep unwoken. A wake
        // tells the two apart by the next sweep; it costs nothing and is not a rescue.
        loop.runOnSelector(NOTHING);
      }
    }
  }

  private void rescue(WebSocketImpl connection) {
    long count = rescues.incrementAndGet();
    metrics.stallRescued();
    log.warn("Rescued a stalled write to {} (rescue {}): frames waited with no write coming",
        connection.getRemoteSocketAddress(), count);
    loop.armWrite(connection);
  }

  private static boolean isWriteArmed(WebSocketImpl connection) {
    SelectionKey key = connection.getSelectionKey();
    try {
      return key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) != 0;
    } catch (CancelledKeyException e) {
      return false; // closed meanwhile: nothing left to write
    }
  }
}
