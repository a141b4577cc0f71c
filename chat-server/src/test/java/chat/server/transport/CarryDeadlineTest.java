package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.server.support.Await;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CarryDeadlineTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger wakes = new AtomicInteger();
  private final AtomicBoolean selectorAtWork = new AtomicBoolean();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void carriedFramesWakeAnIdleSelectorOnceTheyWaitedTheLimit() {
    CarryDeadline deadline = deadline(Duration.ofMillis(5));

    deadline.carried(null);

    Await.until("the selector is woken", Duration.ofSeconds(5), () -> wakes.get() > 0);
  }

  @Test
  void aPassEndThatWroteThemCancelsTheWake() throws Exception {
    CarryDeadline deadline = deadline(Duration.ofMillis(20));

    deadline.carried(null);
    deadline.cleared();

    assertEquals(0, wakesAfter(Duration.ofMillis(100)));
  }

  @Test
  void aSelectorAtWorkIsLeftToEndItsPass() throws Exception {
    CarryDeadline deadline = deadline(Duration.ofMillis(5));
    selectorAtWork.set(true);

    deadline.carried(null);
    assertEquals(0, wakesAfter(Duration.ofMillis(50)));

    selectorAtWork.set(false); // it went idle without ending the pass: the next look wakes it
    Await.until("the selector is woken", Duration.ofSeconds(5), () -> wakes.get() > 0);
  }

  @Test
  void framesCarriedLaterGetTheirOwnFullWait() throws Exception {
    CarryDeadline deadline = deadline(Duration.ofMillis(400));

    deadline.carried(null);
    scheduler.schedule(() -> deadline.carried(null), 300, TimeUnit.MILLISECONDS).get();

    // The first check, 400 ms after the first carry, finds the second one 100 ms old: no wake before 700 ms.
    assertEquals(0, wakesAfter(Duration.ofMillis(200)));
    Await.until("the selector is woken", Duration.ofSeconds(5), () -> wakes.get() > 0);
  }

  @Test
  void withoutALimitNothingIsCarried() {
    assertEquals(false, deadline(Duration.ZERO).isEnabled());
  }

  private CarryDeadline deadline(Duration max) {
    return new CarryDeadline(scheduler, max, connection -> wakes.incrementAndGet(), selectorAtWork::get);
  }

  /** The wakes counted once {@code quiet} has passed: a wake that should not come gets that long to show. */
  private int wakesAfter(Duration quiet) throws Exception {
    scheduler.schedule(() -> { }, quiet.toMillis(), TimeUnit.MILLISECONDS).get();
    return wakes.get();
  }
}
