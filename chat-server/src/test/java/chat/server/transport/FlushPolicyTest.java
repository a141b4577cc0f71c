package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlushPolicyTest {
  private static final long MS = 1_000_000;
  private final FlushPolicy policy = FlushPolicy.withMaxWait(Duration.ofMillis(5));
  private static final int QUIET = 1;
  private static final int BUSY = FlushPolicy.BUSY_PASS_READS;
  private static final long NO_PAUSE = -1;

  @Test
  void roomFramesAtTheEndOfAQuietPassAreWrittenAtOnce() {
    assertTrue(policy.writeNow(false, 0, 100, QUIET, NO_PAUSE));
  }

  @Test
  void repliesNeverWait() {
    assertTrue(policy.writeNow(true, 0, 100, BUSY, 3 * MS));
  }

  @Test
  void afterABusyPassRoomFramesWaitForTheNextPassEnd() {
    assertFalse(policy.writeNow(false, 0, 100, BUSY, NO_PAUSE));
  }

  @Test
  void duringThePauseAfterLongWritesRoomFramesWait() {
    assertFalse(policy.writeNow(false, 0, 100, QUIET, 2 * MS));
  }

  @Test
  void noFrameWaitsLongerThanTheMaximum() {
    assertTrue(policy.writeNow(false, 5 * MS, 100, BUSY, 3 * MS));
    assertFalse(policy.writeNow(false, 5 * MS - 1, 100, BUSY, 3 * MS));
  }

  @Test
  void aFullWriteIsNotHeldBack() {
    assertTrue(policy.writeNow(false, 0, FlushPolicy.FULL_WRITE_BYTES, BUSY, 3 * MS));
  }

  @Test
  void aMaximumWaitOfZeroMeansNothingEverWaits() {
    FlushPolicy never = FlushPolicy.withMaxWait(Duration.ZERO);
    assertTrue(never.writeNow(false, 0, 100, BUSY, 3 * MS));
  }

  @Test
  void thePauseIsTwiceTheTimeTheWritesTook() {
    assertEquals(2 * MS, policy.pauseAfter(MS));
  }
}
