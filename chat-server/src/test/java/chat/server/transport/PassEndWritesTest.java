package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.support.Await;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PassEndWritesTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final PassEndWrites writes = new PassEndWrites(null, scheduler, Duration.ofMillis(5));

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aWriteAskedForWhileCollectingWaitsForThePassEnd() {
    writes.bindToCurrentThread(); // this test's thread plays the selector
    PassEndWrites.Target target = new PassEndWrites.Target(null);

    writes.collecting(() -> writes.request(target));

    assertTrue(target.isListed());
  }

  @Test
  void aListingWhosePassNeverEndsStopsCountingAsOnPurpose() {
    writes.bindToCurrentThread();
    PassEndWrites.Target target = new PassEndWrites.Target(null);

    writes.collecting(() -> writes.request(target));

    // The stalled-write guard then treats its frames as stalled and asks the library to write them.
    Await.until("the listing goes stale", Duration.ofSeconds(5), () -> !target.isListed());
  }

  @Test
  void otherThreadsAreNotCollecting() throws Exception {
    writes.bindToCurrentThread();
    boolean[] collectingElsewhere = new boolean[1];

    writes.collecting(() -> {
      Thread other = new Thread(() -> collectingElsewhere[0] = writes.isCollecting());
      other.start();
      try {
        other.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    assertFalse(collectingElsewhere[0]);
  }
}
