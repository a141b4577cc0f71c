package chat.server.transport;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets room fan-out frames wait a moment before their connection is asked to write, so that frames from several
 * messages leave in one gathering write. Asking for a write costs an epoll update and a selector wake-up, and each
 * write a system call; in a join storm every join queues a notice for every member, and writing each one at once
 * cost more than everything else together (docs/decisions/0008-deferred-fanout-writes.md). Replies to a sender
 * (acks, Welcome!) never wait: they go through {@link WebSocketPeer#send}.
 *
 * <p>The flush normally runs on the selector thread at the end of a pass ({@link #flushIfDue}), where the writes
 * it asks for are done directly ({@link PassEndWrites}). A timer stands in when the selector is idle, so no frame
 * waits much longer than the delay (docs/decisions/0009-selector-thread-handles-and-writes.md).
 */
final class DeferredWrites {
  /** One connection's place in the flush list; {@code requested} is true while it is in it. */
  static final class Entry {
    private final Runnable askForWrite;
    private final AtomicBoolean requested = new AtomicBoolean();

    /** {@code askForWrite} arms the connection's socket for writing (the server's {@code onWriteDemand}). */
    Entry(Runnable askForWrite) {
      this.askForWrite = askForWrite;
    }

    /** True while a flush will ask for this connection's write. */
    boolean isRequested() {
      return requested.get();
    }
  }

  /**
   * A busy room does not need the whole delay to fill a write: after this many deferred messages the flush runs
   * at once, so latency stays low under load while a slow trickle (a join storm) still waits to batch.
   */
  static final int FLUSH_AFTER_MESSAGES = 32;

  /**
   * After a flush whose writes took t, the next waits at least {@code PAUSE_FACTOR × t}: writing a big room takes
   * milliseconds, and without a pause a slow trickle (a join storm) would flush again as soon as it ended, leaving
   * the selector no time for the reads that the trickle is waiting on.
   */
  static final int PAUSE_FACTOR = 2;

  /** The timer gives a busy selector this long past the delay to flush at the end of its pass. */
  static final long SELECTOR_GRACE_MICROS = 1000;

  /** Tells where the flush will run; {@link #ON_TIMER} when only the timer flushes (tests, no selector). */
  interface Loop {
    Loop ON_TIMER = new Loop() {
      @Override
      public boolean willFlushSoon() {
        return false;
      }

      @Override
      public boolean isBusy() {
        return false;
      }

      @Override
      public void wake(Runnable askForWrite) {
        // no selector to wake: the timer's second call flushes
      }
    };

    /** True on the selector thread while it will call {@link #flushIfDue} at the end of its pass. */
    boolean willFlushSoon();

    /** True when the selector is passing often enough to flush within {@link #SELECTOR_GRACE_MICROS}. */
    boolean isBusy();

    /**
     * Gets an idle selector to call {@link #flushIfDue} soon; {@code askForWrite} arms one waiting connection's
     * write, which is what wakes it.
     */
    void wake(Runnable askForWrite);
  }

  private final ScheduledExecutorService scheduler;
  private final long delayMicros;
  private final Loop loop;
  private final Queue<Entry> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final AtomicInteger messagesSinceFlush = new AtomicInteger();
  /** Counts flushes, so a timer set before the last flush does not flush what came after it too early. */
  private final AtomicLong flushes = new AtomicLong();
  private volatile long firstRequestNanos;
  /** Set when the selector was woken to flush: its next chance to flush must take it. */
  private volatile boolean due;
  /** No flush for the delay alone before this time (the pause after an expensive flush). */
  private volatile long pauseUntilNanos;

  DeferredWrites(ScheduledExecutorService scheduler, Duration delay, Loop loop) {
    this.scheduler = scheduler;
    this.delayMicros = TimeUnit.NANOSECONDS.toMicros(delay.toNanos());
    this.loop = loop;
    this.pauseUntilNanos = System.nanoTime(); // no pause yet: nothing holds the first flush back
  }

  /** Called after frames were queued on the entry's connection: its write is asked for within the delay. */
  void request(Entry entry) {
    if (delayMicros == 0) {
      entry.askForWrite.run();
      return;
    }
    if (entry.requested.compareAndSet(false, true)) {
      pending.add(entry);
      if (flushScheduled.compareAndSet(false, true)) {
        firstRequestNanos = System.nanoTime();
        schedule(flushes.get(), delayMicros, false);
      }
    }
  }

  /** Called once per deferred message, after it was queued for all its recipients. */
  void messageDeferred() {
    if (delayMicros > 0 && messagesSinceFlush.incrementAndGet() == FLUSH_AFTER_MESSAGES
        && !loop.willFlushSoon()) {
      long flush = flushes.get();
      try {
        scheduler.execute(() -> onTimer(flush, false));
      } catch (RejectedExecutionException e) {
        // shutting down: every connection is being closed
      }
    }
  }

  /**
   * Runs on the selector thread at the end of each pass: flushes once the oldest waiting frame has waited the
   * delay, or enough messages wait, unless the pause after the last flush is still running. True when it flushed.
   */
  boolean flushIfDue() {
    if (!flushScheduled.get()) {
      return false;
    }
    if (messagesSinceFlush.get() >= FLUSH_AFTER_MESSAGES || pauseRemainingNanos() <= 0
        && (due || System.nanoTime() - firstRequestNanos >= delayMicros * 1000)) {
      flush();
      return true;
    }
    return false;
  }

  /** Called on the selector thread when the writes of the flush it just ran are done. */
  void flushWritten(long nanos) {
    pauseUntilNanos = System.nanoTime() + PAUSE_FACTOR * nanos;
  }

  private long pauseRemainingNanos() {
    return pauseUntilNanos - System.nanoTime();
  }

  private void schedule(long flush, long micros, boolean woken) {
    try {
      scheduler.schedule(() -> onTimer(flush, woken), micros, TimeUnit.MICROSECONDS);
    } catch (RejectedExecutionException e) {
      flushScheduled.set(false); // shutting down: every connection is being closed
    }
  }

  /**
   * The delay is up. The flush belongs on the selector thread, where writes cost least: a busy selector is left
   * to it, an idle one is woken. Only if it still has not flushed a moment later does this thread ask for every
   * write itself.
   */
  private void onTimer(long flush, boolean woken) {
    if (flushes.get() != flush) {
      return; // flushed meanwhile; later frames have their own timer
    }
    long pause = pauseRemainingNanos();
    if (pause > 0) {
      schedule(flush, TimeUnit.NANOSECONDS.toMicros(pause) + 1, false);
    } else if (woken) {
      flush();
    } else if (loop.isBusy()) {
      schedule(flush, SELECTOR_GRACE_MICROS, false);
    } else {
      wakeLoop();
      schedule(flush, SELECTOR_GRACE_MICROS, true);
    }
  }

  private void wakeLoop() {
    Entry first = pending.peek();
    if (first != null) {
      due = true;
      loop.wake(first.askForWrite);
    }
  }

  /** Asks for a write on every connection that queued frames since the last flush. */
  private void flush() {
    flushes.incrementAndGet();
    due = false;
    flushScheduled.set(false);
    messagesSinceFlush.set(0);
    for (Entry entry = pending.poll(); entry != null; entry = pending.poll()) {
      // Reset first: a frame queued from here on requests a later flush, so none is left waiting.
      entry.requested.set(false);
      entry.askForWrite.run();
    }
  }
}
