package chat.server.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.framing.CloseFrame;

/**
 * Owns every frame the chat queues, from the connection's send queue to its socket. Frames may be queued from
 * any thread; the writes are all done by the selector thread at the end of a pass ({@link
 * SelectorHookServer#passEnded}): a connection written to during a pass is listed once, and at the pass end the
 * {@link FlushPolicy} decides, connection by connection, whether its frames leave now (one write for all of
 * them) or wait for the next pass end. Work from other threads (timers, closes, a store) is handed to the
 * selector through the hook's wake, once per batch, and is then listed and written exactly like work done during
 * a pass. Frames that wait are covered by one {@link Deadline}, moved at each pass end, so none waits past the
 * policy's bound even if no pass follows.
 */
final class WriteScheduler {
  /**
   * The one deadline for waiting frames ({@link WriteDeadline} is the real one): set, moved and cleared by the
   * selector thread; the task runs on another thread once due.
   */
  interface Deadline {
    /** The task runs at {@code dueNanos} unless set again or cleared first; false when it cannot (shutting down). */
    boolean set(long dueNanos, Runnable task);

    void clear();
  }

  /** One connection's place in the schedule. */
  static final class Target {
    final WebSocketImpl connection;
    private final AtomicInteger queuedBytes = new AtomicInteger();
    private final AtomicBoolean handedOver = new AtomicBoolean();
    private volatile boolean reply;
    /** Set while a write is scheduled (handed over or listed), for the stall guard. */
    private volatile boolean scheduled;
    private volatile long scheduledAtNanos;
    /** Selector thread only. */
    private boolean listed;
    private long listedAtNanos;
    private long lastWriteNanos;
    /** The stall guard's thread only: the send queue's head at its last sweep, and the selector's passes then. */
    ByteBuffer guardSeenHead;
    long guardSeenPasses;

    Target(WebSocketImpl connection) {
      this.connection = connection;
    }

    /** True while a write is scheduled and has been for less than {@code nanos} at {@code now}. */
    boolean isScheduledWithin(long now, long nanos) {
      return scheduled && now - scheduledAtNanos < nanos;
    }

    boolean isScheduled() {
      return scheduled;
    }
  }

  private final SelectorLoop loop;
  private final FlushPolicy policy;
  private final Deadline deadline;
  private final LongSupplier nanoClock;
  private final SelectorLoad load;
  private final Set<Target> targets = ConcurrentHashMap.newKeySet();
  private final Queue<Target> handOvers = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean handOverQueued = new AtomicBoolean();
  private final Runnable takeHandOvers = this::takeHandOvers;
  private final Runnable deadlineReached = this::deadlineReached;
  private final Runnable handDeadlineOver = this::handDeadlineOver;
  /** Selector thread only. */
  private List<Target> listed = new ArrayList<>();
  private List<Target> waiting = new ArrayList<>();
  private long pauseUntilNanos;
  private boolean timerArmed;
  private long timerDueNanos;

  WriteScheduler(SelectorLoop loop, FlushPolicy policy, Deadline deadline,
      LongSupplier nanoClock, LongSupplier selectorCpuClock) {
    this.loop = loop;
    this.policy = policy;
    this.deadline = deadline;
    this.nanoClock = nanoClock;
    this.load = new SelectorLoad(selectorCpuClock, nanoClock.getAsLong());
    this.pauseUntilNanos = nanoClock.getAsLong();
  }

  Target register(WebSocketImpl connection) {
    Target target = new Target(connection);
    target.lastWriteNanos = nanoClock.getAsLong() - policy.minGapNanos(); // its first frames need not wait
    targets.add(target);
    return target;
  }

  void unregister(Target target) {
    targets.remove(target);
  }

  /** Every registered connection, for the stall guard. */
  Collection<Target> targets() {
    return targets;
  }

  /** Frames of {@code bytes} were put on the target's send queue, by any thread; {@code reply}: never waits. */
  void queued(Target target, int bytes, boolean reply) {
    target.queuedBytes.addAndGet(bytes);
    if (reply) {
      target.reply = true;
    }
    if (loop.isSelectorThread()) {
      list(target);
    } else if (target.handedOver.compareAndSet(false, true)) {
      markScheduled(target);
      handOvers.add(target);
      if (handOverQueued.compareAndSet(false, true) && !loop.runOnSelector(takeHandOvers)) {
        handOverQueued.set(false);
        writeWithoutSelector();
      }
    }
  }

  /** Selector thread: whether it spent most of the last few milliseconds on the CPU ({@link SelectorLoad}). */
  boolean selectorSaturated() {
    return load.isSaturated(nanoClock.getAsLong());
  }

  /** Selector thread: a pass ended after reading {@code reads} frames. */
  void passEnded(int reads) {
    if (listed.isEmpty()) {
      return;
    }
    long start = nanoClock.getAsLong();
    long pauseLeft = load.isSaturated(start) ? pauseUntilNanos - start : -1; // a selector with time to spare writes
    boolean gapPays = policy.gapPays(withinGap(start), timerArmed);
    boolean wrote = false;
    long due = Long.MAX_VALUE;
    // Writes may close connections, and the leave notices list more targets: they are handled in this loop.
    for (int i = 0; i < listed.size(); i++) {
      Target target = listed.get(i);
      if (policy.writeNow(target.reply, start - target.listedAtNanos, target.queuedBytes.get(),
          start - target.lastWriteNanos, reads, pauseLeft, gapPays)) {
        if (write(target)) {
          target.lastWriteNanos = start;
          wrote = true;
        }
      } else {
        waiting.add(target);
        due = Math.min(due, policy.dueNanos(target.listedAtNanos, target.lastWriteNanos, start));
      }
    }
    List<Target> done = listed;
    done.clear();
    listed = waiting;
    waiting = done;
    long end = nanoClock.getAsLong();
    if (wrote) {
      pauseUntilNanos = Math.max(pauseUntilNanos, end + policy.pauseAfter(end - start));
    }
    if (listed.isEmpty()) {
      clearTimer();
    } else {
      // If no pass end comes first: at the earliest bound or gap's end (after a busy pass the next pass end
      // normally comes long before), and no later than the end of a pause that held frames back.
      setTimer(reads >= policy.busyPassReads() || pauseLeft <= 0 ? due : Math.min(due, pauseUntilNanos));
    }
  }

  /** How many listed connections, replies aside, were written to within the gap (counted up to the share). */
  private int withinGap(long now) {
    int within = 0;
    for (int i = 0; i < listed.size() && within < policy.gapShare(); i++) {
      Target target = listed.get(i);
      if (!target.reply && policy.withinGap(now - target.lastWriteNanos)) {
        within++;
      }
    }
    return within;
  }

  private void list(Target target) {
    if (!target.listed) {
      target.listed = true;
      target.listedAtNanos = nanoClock.getAsLong();
      markScheduled(target);
      listed.add(target);
    }
  }

  private void markScheduled(Target target) {
    if (!target.scheduled) {
      target.scheduledAtNanos = nanoClock.getAsLong();
      target.scheduled = true;
    }
  }

  private void takeHandOvers() {
    handOverQueued.set(false); // first: a hand-over from now on queues this again
    for (Target target = handOvers.poll(); target != null; target = handOvers.poll()) {
      target.handedOver.set(false);
      list(target);
    }
  }

  /** No selector to hand to (none yet, or stopped): the library's own route, one wake per connection. */
  private void writeWithoutSelector() {
    for (Target target = handOvers.poll(); target != null; target = handOvers.poll()) {
      target.handedOver.set(false);
      target.scheduled = false;
      loop.armWrite(target.connection);
    }
  }

  /** Writes everything queued for the target with one system call; true if anything was written. */
  private boolean write(Target target) {
    target.listed = false;
    target.reply = false;
    target.queuedBytes.set(0);
    target.scheduled = false;
    WebSocketImpl connection = target.connection;
    if (connection.getReadyState() == ReadyState.CLOSED || SelectorHookServer.sendQueue(connection).isEmpty()) {
      return false;
    }
    try {
      if (!SelectorHookServer.writeQueued(connection)) {
        loop.armWrite(connection); // the socket is full: the library finishes once it drains
      }
    } catch (IOException e) {
      // What the selector's own write does on failure: the peer is gone, close without a handshake.
      connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, e.getMessage());
    }
    return true;
  }

  /** The timer covers every frame still waiting, so each pass end moves it: later as well as sooner. */
  private void setTimer(long dueNanos) {
    if (timerArmed && timerDueNanos == dueNanos) {
      return;
    }
    timerArmed = deadline.set(dueNanos, handDeadlineOver); // false: shutting down, every connection is closing
    timerDueNanos = dueNanos;
  }

  private void clearTimer() {
    if (timerArmed) {
      timerArmed = false;
      deadline.clear();
    }
  }

  /** The timer's thread: the check is the selector's. */
  private void handDeadlineOver() {
    loop.runOnSelector(deadlineReached);
  }

  /**
   * Selector thread: a timer for waiting frames went off; the policy decides again as at a pass end. It may run in
   * the middle of a busy pass: counting that pass's reads so far keeps it from writing what the pass listed early.
   */
  private void deadlineReached() {
    if (timerArmed && nanoClock.getAsLong() >= timerDueNanos) {
      timerArmed = false;
    }
    passEnded(loop.readsThisPass());
  }
}
