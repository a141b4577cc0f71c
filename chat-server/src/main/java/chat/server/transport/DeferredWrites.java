package chat.server.transport;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets room fan-out frames wait a moment before their connection is asked to write, so that frames from several
 * messages leave in one gathering write. Asking for a write costs an epoll update and a selector wake-up, and each
 * write a system call; in a join storm every join queues a notice for every member, and writing each one at once
 * cost more than everything else together (docs/decisions/0008-deferred-fanout-writes.md). Replies to a sender
 * (acks, Welcome!) never wait: they go through {@link WebSocketPeer#send}.
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

  private final ScheduledExecutorService scheduler;
  private final long delayMicros;
  private final Queue<Entry> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final AtomicInteger messagesSinceFlush = new AtomicInteger();

  DeferredWrites(ScheduledExecutorService scheduler, Duration delay) {
    this.scheduler = scheduler;
    this.delayMicros = TimeUnit.NANOSECONDS.toMicros(delay.toNanos());
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
        schedule();
      }
    }
  }

  /** Called once per deferred message, after it was queued for all its recipients. */
  void messageDeferred() {
    if (delayMicros > 0 && messagesSinceFlush.incrementAndGet() == FLUSH_AFTER_MESSAGES) {
      try {
        scheduler.execute(this::flush);
      } catch (RejectedExecutionException e) {
        // shutting down: every connection is being closed
      }
    }
  }

  private void schedule() {
    try {
      scheduler.schedule(this::flush, delayMicros, TimeUnit.MICROSECONDS);
    } catch (RejectedExecutionException e) {
      flushScheduled.set(false); // shutting down: every connection is being closed
    }
  }

  /** Asks for a write on every connection that queued frames since the last flush. */
  private void flush() {
    flushScheduled.set(false);
    messagesSinceFlush.set(0);
    for (Entry entry = pending.poll(); entry != null; entry = pending.poll()) {
      // Reset first: a frame queued from here on requests a later flush, so none is left waiting.
      entry.requested.set(false);
      entry.askForWrite.run();
    }
  }
}
