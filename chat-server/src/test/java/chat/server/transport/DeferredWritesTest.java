package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
