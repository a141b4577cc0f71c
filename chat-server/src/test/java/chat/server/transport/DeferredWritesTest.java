package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.support.Await;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeferredWritesTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final Map<String, AtomicInteger> writesAsked = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void manyFramesForOneConnectionAskForItsWriteOnce() {
    DeferredWrites writes = new DeferredWrites(scheduler, Duration.ofMillis(500), DeferredWrites.Loop.ON_TIMER);
    DeferredWrites.Entry alice = entry("alice");
    DeferredWrites.Entry bob = entry("bob");

    for (int i = 0; i < 10; i++) {
      writes.request(alice);
      writes.request(bob);
    }

    awaitAsked("alice", 1);
    awaitAsked("bob", 1);
    assertEquals(1, writesAsked.get("alice").get());
    assertFalse(alice.isRequested());
  }

  @Test
  void aFrameQueuedAfterAFlushGetsAFlushOfItsOwn() {
    DeferredWrites writes = new DeferredWrites(scheduler, Duration.ofMillis(5), DeferredWrites.Loop.ON_TIMER);
    DeferredWrites.Entry alice = entry("alice");

    writes.request(alice);
    awaitAsked("alice", 1);
    writes.request(alice);

    awaitAsked("alice", 2);
  }

  @Test
  void aBusyRoomFlushesWithoutWaitingForTheDelay() {
    DeferredWrites writes = new DeferredWrites(scheduler, Duration.ofSeconds(30), DeferredWrites.Loop.ON_TIMER);
    DeferredWrites.Entry alice = entry("alice");

    for (int i = 0; i < DeferredWrites.FLUSH_AFTER_MESSAGES; i++) {
      writes.request(alice);
      writes.messageDeferred();
    }

    awaitAsked("alice", 1);
  }

  @Test
  void noDelayAsksAtOnce() {
    DeferredWrites writes = new DeferredWrites(scheduler, Duration.ZERO, DeferredWrites.Loop.ON_TIMER);
    DeferredWrites.Entry alice = entry("alice");

    writes.request(alice);
    writes.request(alice);

    assertEquals(2, writesAsked.get("alice").get());
  }

  @Test
  void nothingIsAskedBeforeTheDelay() {
    DeferredWrites writes = new DeferredWrites(scheduler, Duration.ofSeconds(30), DeferredWrites.Loop.ON_TIMER);
    DeferredWrites.Entry alice = entry("alice");

    writes.request(alice);

    assertEquals(0, writesAsked.get("alice").get());
    assertTrue(alice.isRequested());
  }

  @Test
  void theSelectorFlushesAtAPassEndOnceTheDelayIsUp() {
    DeferredWrites writes = new DeferredWrites(scheduler, Duration.ofMillis(20), new StubLoop(true));
    DeferredWrites.Entry alice = entry("alice");
    writes.request(alice);

    assertFalse(writes.flushIfDue(), "nothing is due before the delay");
    awaitFlushed(writes);

    assertEquals(1, writesAsked.get("alice").get());
    assertFalse(alice.isRequested());
  }

  @Test
  void enoughWaitingMessagesFlushAtTheNextPassEnd() {
    DeferredWrites writes = new DeferredWrites(scheduler, Duration.ofSeconds(30), new StubLoop(true));
    DeferredWrites.Entry alice = entry("alice");

    for (int i = 0; i < DeferredWrites.FLUSH_AFTER_MESSAGES; i++) {
      writes.request(alice);
      writes.messageDeferred();
    }

    assertTrue(writes.flushIfDue());
    assertEquals(1, writesAsked.get("alice").get());
  }

  @Test
  void afterAnExpensiveFlushTheNextWaitsTwiceAsLong() {
    DeferredWrites writes = new DeferredWrites(scheduler, Duration.ofMillis(1), new StubLoop(true));
    DeferredWrites.Entry alice = entry("alice");
    writes.flushWritten(TimeUnit.SECONDS.toNanos(30));
    writes.request(alice);
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));

    assertFalse(writes.flushIfDue(), "the delay is up, but the pause after the last flush is not");
    assertTrue(alice.isRequested());
  }

  @Test
  void enoughWaitingMessagesFlushEvenDuringThePause() {
    DeferredWrites writes = new DeferredWrites(scheduler, Duration.ofMillis(1), new StubLoop(true));
    DeferredWrites.Entry alice = entry("alice");
    writes.flushWritten(TimeUnit.SECONDS.toNanos(30));

    for (int i = 0; i < DeferredWrites.FLUSH_AFTER_MESSAGES; i++) {
      writes.request(alice);
      writes.messageDeferred();
    }

    assertTrue(writes.flushIfDue(), "a busy room is never held back: its queues would only grow");
  }

  @Test
  void aBusySelectorIsLeftToFlushAtItsPassEnd() {
    StubLoop loop = new StubLoop(true);
    DeferredWrites writes = new DeferredWrites(scheduler, Duration.ofMillis(1), loop);
    DeferredWrites.Entry alice = entry("alice");
    writes.request(alice);

    awaitFlushed(writes);

    assertEquals(1, writesAsked.get("alice").get(), "asked once, by the pass end, not by the timer");
    assertEquals(0, loop.wakes.get());
  }

  @Test
  void anIdleSelectorIsWokenToFlush() {
    StubLoop loop = new StubLoop(false);
    DeferredWrites writes = new DeferredWrites(scheduler, Duration.ofMillis(1), loop);
    DeferredWrites.Entry alice = entry("alice");
    AtomicBoolean flushedByWake = new AtomicBoolean();
    loop.onWake = () -> flushedByWake.set(writes.flushIfDue()); // what the woken selector's pass end does
    writes.request(alice);

    awaitAsked("alice", 1);
    assertTrue(flushedByWake.get());
    assertEquals(1, loop.wakes.get());
  }

  @Test
  void aSelectorThatDoesNotWakeIsFlushedAroundByTheTimer() {
    StubLoop loop = new StubLoop(false);
    DeferredWrites writes = new DeferredWrites(scheduler, Duration.ofMillis(1), loop);
    DeferredWrites.Entry alice = entry("alice");
    writes.request(alice);

    awaitAsked("alice", 1);
    assertFalse(alice.isRequested());
  }

  /** A selector that is always busy or always idle; it counts the wake-ups asked of it and runs onWake. */
  private static final class StubLoop implements DeferredWrites.Loop {
    private final boolean busy;
    private final AtomicInteger wakes = new AtomicInteger();
    private volatile Runnable onWake = () -> { };

    StubLoop(boolean busy) {
      this.busy = busy;
    }

    @Override
    public boolean willFlushSoon() {
      return false;
    }

    @Override
    public boolean isBusy() {
      return busy;
    }

    @Override
    public void wake(Runnable askForWrite) {
      wakes.incrementAndGet();
      onWake.run();
    }
  }

  private static void awaitFlushed(DeferredWrites writes) {
    Await.until("a pass end flushes", writes::flushIfDue);
  }

  private DeferredWrites.Entry entry(String name) {
    AtomicInteger count = writesAsked.computeIfAbsent(name, n -> new AtomicInteger());
    return new DeferredWrites.Entry(count::incrementAndGet);
  }

  private void awaitAsked(String name, int times) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (writesAsked.get(name).get() < times) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + "'s write was asked " + writesAsked.get(name).get() + " times, not " + times);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
  }
}
