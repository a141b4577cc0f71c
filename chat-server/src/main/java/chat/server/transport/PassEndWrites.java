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
 *
 * <p>After a busy pass, a small room's frames for a member who got no reply in it wait for the end of the next
 * pass, so that the member gets the messages of two passes in one write; a timer makes sure that next pass end
 * comes within the fan-out flush delay (docs/decisions/0010-busy-passes-carry-room-frames.md).
 */
final class PassEndWrites implements DeferredWrites.Loop {
  /** One connection's place in the list; {@code listed} is only changed by the selector thread. */
  static final class Target {
    /**
     * A listing older than this, on a selector that has not read or written for as long, is not waiting on
     * purpose any more: its pass was cut short by an exception, and the next pass, which would write it, may be
     * long in coming.
     */
    static final long STALE_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final WebSocketImpl connection;
    private volatile boolean listed;
    private volatile long listedAtNanos;
    /** A reply or a due flush is listed: written at this pass end, never carried. Selector thread only. */
    private boolean reply;
    /** Carried over once already: written at this pass end. Selector thread only. */
    private boolean carried;

    Target(WebSocketImpl connection) {
      this.connection = connection;
    }
  }

  private final WebSocketServer server;
  private final DeferredWrites deferred;
  /**
   * A pass with this many reads that got data is busy: its room frames for members without a reply may wait for
   * the next pass end. Below it the next pass may be far off and a write costs little against the wait.
   */
  static final int CARRY_FROM_READS = 32;

  private final CarryDeadline carryDeadline;
  private List<Target> listed = new ArrayList<>();
  private List<Target> carriedOver = new ArrayList<>();
  private int readsThisPass;
  private volatile long lastReadNanos;
  private volatile Thread selector;
  private volatile long lastPassEndNanos;
  private volatile boolean writing;
  private volatile boolean wakeRequested;
  private boolean collecting;
  private boolean passEndClaimed;

  /**
   * Big rooms' frames wait up to {@code flushDelay} ({@link DeferredWrites}); their flushes run at pass ends.
   * Frames carried over after a busy pass wait at most as long for the next pass end; 0 turns both off.
   */
  PassEndWrites(WebSocketServer server, ScheduledExecutorService scheduler, Duration flushDelay) {
    this.server = server;
    this.carryDeadline = new CarryDeadline(scheduler, flushDelay,
        connection -> wake(() -> server.onWriteDemand(connection)),
        () -> isAtWorkWithin(DeferredWrites.SELECTOR_GRACE_MICROS * 1000));
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

  /**
   * A reply, or frames that waited already, were queued on the target's connection: writes them at the end of
   * the pass, or asks the library.
   */
  void request(Target target) {
    list(target, true);
  }

  /** Room frames were queued on the target's connection: like {@link #request}, but a busy pass may carry them. */
  void requestRoomFrame(Target target) {
    list(target, false);
  }

  private void list(Target target, boolean reply) {
    if (isCollecting()) {
      target.reply |= reply;
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

  /**
   * True while the target's frames wait for a pass end on purpose (they are not stalled): it is listed, and
   * either recently or the selector is still at work. A pass over 10,000 busy connections takes longer than
   * {@link Target#STALE_AFTER_NANOS}; its listings are not stalled.
   */
  boolean isListed(Target target) {
    if (!target.listed) {
      return false;
    }
    return System.nanoTime() - target.listedAtNanos < Target.STALE_AFTER_NANOS
        || isAtWorkWithin(Target.STALE_AFTER_NANOS);
  }

  /** True while the selector writes, or when it read or ended a pass within the last {@code nanos}. */
  private boolean isAtWorkWithin(long nanos) {
    long now = System.nanoTime();
    return writing || now - lastReadNanos < nanos || now - lastPassEndNanos < nanos;
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
      endPass(connection, false);
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
    readsThisPass++;
    lastReadNanos = System.nanoTime();
    if (passEndClaimed) {
      return false;
    }
    passEndClaimed = true;
    return true;
  }

  /** Runs on the selector thread after its pass over the ready keys. */
  void passEnded() {
    passEndClaimed = false;
    boolean busy = readsThisPass >= CARRY_FROM_READS;
    readsThisPass = 0;
    endPass(null, busy && carryDeadline.isEnabled());
  }

  private void endPass(WebSocketImpl inProgress, boolean mayCarry) {
    long start = System.nanoTime();
    writing = true;
    try {
      boolean flushed = collect(deferred::flushIfDue);
      writeListed(inProgress, mayCarry);
      if (flushed) {
        deferred.flushWritten(System.nanoTime() - start);
      }
    } finally {
      lastPassEndNanos = System.nanoTime();
      writing = false;
    }
  }

  /**
   * Writes every listed connection but {@code inProgress}, or with {@code mayCarry} keeps those with only room
   * frames listed for the next pass end, once.
   */
  private void writeListed(WebSocketImpl inProgress, boolean mayCarry) {
    for (int i = 0; i < listed.size(); i++) {
      Target target = listed.get(i);
      if (mayCarry && !target.reply && !target.carried) {
        target.carried = true;
        carriedOver.add(target);
        continue;
      }
      target.listed = false;
      target.reply = false;
      target.carried = false;
      if (target.connection != inProgress) {
        write(target.connection);
      }
    }
    listed.clear();
    List<Target> next = carriedOver;
    carriedOver = listed;
    listed = next;
    if (!listed.isEmpty()) {
      carryDeadline.carried(listed.get(0).connection);
    } else {
      carryDeadline.cleared();
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
