package chat.server.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.java_websocket.SocketChannelIOHelper;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.server.WebSocketServer;

/**
 * Lets the selector thread write what it queued itself, once, at the end of its pass over the ready sockets.
 * Asking Java-WebSocket for a write ({@code onWriteDemand}) switches the socket's write interest on, and the
 * selector switches it off again after writing: two {@code epoll_ctl} calls and a wake-up per connection per
 * write, more than the write itself. While the selector thread handles received frames (which the server does on
 * that thread, see {@link InlineDecoder}), every connection written to is only listed; at the end of the pass each
 * listed connection gets one write of everything queued for it ({@link StagedWriter}), and write interest only
 * when its socket is full. Other threads still ask the library (docs/decisions/0009-selector-thread-handles-and-writes.md).
 */
final class PassEndWrites implements DeferredWrites.Loop {
  /** One connection's place in the list; {@code listed} is only changed by the selector thread. */
  static final class Target {
    /**
     * A listing older than this is not waiting on purpose any more: its pass was cut short by an exception, and
     * the next pass, which would write it, may be long in coming.
     */
    static final long STALE_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final WebSocketImpl connection;
    private volatile boolean listed;
    private volatile long listedAtNanos;

    Target(WebSocketImpl connection) {
      this.connection = connection;
    }

    /** True while its frames wait for the end of the current pass (they are not stalled). */
    boolean isListed() {
      return listed && System.nanoTime() - listedAtNanos < STALE_AFTER_NANOS;
    }
  }

  private final WebSocketServer server;
  private final DeferredWrites deferred;
  private final List<Target> listed = new ArrayList<>();
  private volatile Thread selector;
  private volatile long lastPassEndNanos;
  private volatile boolean writing;
  private volatile boolean wakeRequested;
  private boolean collecting;
  private boolean passEndClaimed;

  /** Big rooms' frames wait up to {@code flushDelay} ({@link DeferredWrites}); their flushes run at pass ends. */
  PassEndWrites(WebSocketServer server, ScheduledExecutorService scheduler, Duration flushDelay) {
    this.server = server;
    this.deferred = new DeferredWrites(scheduler, flushDelay, this);
    this.lastPassEndNanos = System.nanoTime() - 2 * DeferredWrites.SELECTOR_GRACE_MICROS * 1000; // not busy yet
  }

  DeferredWrites deferred() {
    return deferred;
  }

  /** Called once, on the selector thread, when the server starts. */
  void bindToCurrentThread() {
    selector = Thread.currentThread();
  }

  /** Runs {@code work} on the selector thread; writes it asks for wait for the end of the pass. */
  void collecting(Runnable work) {
    collect(() -> {
      work.run();
      return true;
    });
  }

  private boolean collect(BooleanSupplier work) {
    boolean outer = !collecting;
    collecting = true;
    try {
      return work.getAsBoolean();
    } finally {
      if (outer) {
        collecting = false;
      }
    }
  }

  /** True on the selector thread while it collects: a write asked for now is done at the end of the pass. */
  boolean isCollecting() {
    return collecting && Thread.currentThread() == selector;
  }

  /** Frames were queued on the target's connection: writes them at the end of the pass, or asks the library. */
  void request(Target target) {
    if (isCollecting()) {
      if (!target.listed) {
        target.listedAtNanos = System.nanoTime();
        target.listed = true;
        listed.add(target);
      }
    } else {
      server.onWriteDemand(target.connection);
    }
  }

  @Override
  public boolean willFlushSoon() {
    return isCollecting();
  }

  /** True while the selector writes, or when it ended a pass within the grace period (it will soon end another). */
  @Override
  public boolean isBusy() {
    return writing || System.nanoTime() - lastPassEndNanos < DeferredWrites.SELECTOR_GRACE_MICROS * 1000;
  }

  /** Wakes the selector by arming one connection's write; its pass then ends in {@link #writeStarting}. */
  @Override
  public void wake(Runnable askForWrite) {
    wakeRequested = true;
    askForWrite.run();
  }

  /**
   * Called by a connection's channel when the selector writes to it. After a {@link #wake} the pass has no reads
   * and so no {@link #passEnded}: the pass's work is done here instead, for every connection but this one, whose
   * write is under way and takes its own queued frames.
   */
  void writeStarting(WebSocketImpl connection) {
    if (isWoken()) {
      wakeRequested = false;
      endPass(connection);
    }
  }

  /** True on the selector thread, outside a pass end, after a {@link #wake}: the pass's work is still to do. */
  boolean isWoken() {
    return wakeRequested && !writing && Thread.currentThread() == selector;
  }

  /**
   * True for the first connection that asks in a pass: that one's channel will call {@link #passEnded}. Asked on
   * the selector thread after each read that got data.
   */
  boolean claimPassEnd() {
    if (passEndClaimed) {
      return false;
    }
    passEndClaimed = true;
    return true;
  }

  /** Runs on the selector thread after its pass over the ready keys. */
  void passEnded() {
    passEndClaimed = false;
    endPass(null);
  }

  private void endPass(WebSocketImpl inProgress) {
    long start = System.nanoTime();
    writing = true;
    try {
      boolean flushed = collect(deferred::flushIfDue);
      for (int i = 0; i < listed.size(); i++) {
        Target target = listed.get(i);
        target.listed = false;
        if (target.connection != inProgress) {
          write(target.connection);
        }
      }
      listed.clear();
      if (flushed) {
        deferred.flushWritten(System.nanoTime() - start);
      }
    } finally {
      lastPassEndNanos = System.nanoTime();
      writing = false;
    }
  }

  private void write(WebSocketImpl connection) {
    if (connection.getReadyState() == ReadyState.CLOSED || connection.outQueue.isEmpty()) {
      return;
    }
    try {
      if (!SocketChannelIOHelper.batch(connection, connection.getChannel())) {
        server.onWriteDemand(connection); // the socket is full: the selector finishes once it drains
      }
    } catch (IOException e) {
      // What the selector's own write does on failure: the peer is gone, close without a handshake.
      connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, e.getMessage());
    }
  }
}
