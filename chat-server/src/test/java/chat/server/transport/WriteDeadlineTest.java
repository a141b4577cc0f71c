package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.support.Await;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteDeadlineTest {
  private static final long MS = 1_000_000;
  private static final String THREAD = "write-deadline-test";
  private final WriteDeadline deadline = new WriteDeadline(THREAD);
  private final BlockingQueue<Long> ranAt = new LinkedBlockingQueue<>();
  private final Runnable recordTime = () -> ranAt.add(System.nanoTime());

  WriteDeadlineTest() {
    deadline.start();
  }

  @AfterEach
  void close() {
    deadline.close();
  }

  @Test
  void aDeadlineRunsItsTaskOnceItIsDue() throws InterruptedException {
    long due = System.nanoTime() + 5 * MS;
    assertTrue(deadline.set(due, recordTime));
    Long ran = ranAt.poll(5, TimeUnit.SECONDS);
    assertTrue(ran != null && ran >= due, "ran at " + ran + ", due " + due);
  }

  @Test
  void aDeadlineMovedLaterRunsOnceAtTheLaterTime() throws InterruptedException {
    long now = System.nanoTime();
    deadline.set(now + 10 * MS, recordTime);
    deadline.set(now + 60 * MS, recordTime);
    Long ran = ranAt.poll(5, TimeUnit.SECONDS);
    assertTrue(ran != null && ran >= now + 60 * MS, "ran " + (ran == null ? "never" : (ran - now) / MS + " ms in"));
  }

  @Test
  void aDeadlineMovedSoonerWakesTheTimerForIt() throws InterruptedException {
    long now = System.nanoTime();
    deadline.set(now + TimeUnit.MINUTES.toNanos(10), recordTime);
    awaitTimerSleeping(Thread.State.TIMED_WAITING);
    deadline.set(now + MS, recordTime);
    assertTrue(ranAt.poll(5, TimeUnit.SECONDS) != null);
  }

  @Test
  void aClearedDeadlineRunsNothing() {
    AtomicInteger runs = new AtomicInteger();
    deadline.set(System.nanoTime() + 20 * MS, runs::incrementAndGet);
    awaitTimerSleeping(Thread.State.TIMED_WAITING); // asleep until the deadline
    deadline.clear();
    awaitTimerSleeping(Thread.State.WAITING); // woke at the deadline, found none, sleeps until the next one is set
    assertEquals(0, runs.get());
  }

  @Test
  void aClosedTimerTakesNoDeadline() {
    deadline.close();
    assertFalse(deadline.set(System.nanoTime(), recordTime));
  }

  private static void awaitTimerSleeping(Thread.State state) {
    Await.until("the timer thread is " + state, () -> Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals(THREAD))
        .anyMatch(thread -> thread.getState() == state));
  }
}
