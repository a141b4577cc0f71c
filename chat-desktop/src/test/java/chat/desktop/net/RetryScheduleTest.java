package chat.desktop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reconnect attempts wait out the backoff, unless the user asks to reconnect now. */
class RetryScheduleTest {
  private static final Backoff AN_HOUR = new Backoff(Duration.ofHours(1), Duration.ofHours(1), () -> 1.0);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RetrySchedule retries = new RetrySchedule(AN_HOUR, scheduler);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void anAttemptWaitsOutTheBackoff() throws Exception {
    CountDownLatch attempted = new CountDownLatch(1);

    Duration wait = scheduler.submit(() -> retries.afterFailure(attempted::countDown)).get();

    assertEquals(Duration.ofHours(1), wait);
    assertFalse(attempted.await(200, TimeUnit.MILLISECONDS), "an hour's wait is not over yet");
  }

  @Test
  void skippingTheWaitRunsTheWaitingAttemptOnceAtOnce() throws Exception {
    CountDownLatch attempted = new CountDownLatch(2);
    scheduler.submit(() -> retries.afterFailure(attempted::countDown)).get();

    retries.skipWait();
    retries.skipWait();

    assertFalse(attempted.await(500, TimeUnit.MILLISECONDS) && attempted.getCount() == 0, "ran twice");
    assertEquals(1, attempted.getCount(), "ran once");
  }

  @Test
  void skippingWithNoAttemptWaitingDoesNothing() throws Exception {
    retries.skipWait();

    assertTrue(scheduler.submit(() -> true).get(), "the scheduler is still usable");
  }
}
