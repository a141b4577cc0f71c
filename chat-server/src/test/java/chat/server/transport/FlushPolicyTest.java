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
  private static final long LONG_AGO = 1_000 * MS;
  private static final boolean GAP_PAYS = true;

  @Test
  void roomFramesAtTheEndOfAQuietPassAreWrittenAtOnce() {
    assertTrue(policy.writeNow(false, 0, 100, LONG_AGO, QUIET, NO_PAUSE, GAP_PAYS));
  }

  @Test
  void repliesNeverWait() {
    assertTrue(policy.writeNow(true, 0, 100, LONG_AGO, BUSY, 3 * MS, GAP_PAYS));
  }

  @Test
  void afterABusyPassRoomFramesWaitForTheNextPassEnd() {
    assertFalse(policy.writeNow(false, 0, 100, LONG_AGO, BUSY, NO_PAUSE, GAP_PAYS));
  }

  @Test
  void duringThePauseAfterLongWritesRoomFramesWait() {
    assertFalse(policy.writeNow(false, 0, 100, LONG_AGO, QUIET, 2 * MS, GAP_PAYS));
  }

  @Test
  void noFrameWaitsLongerThanTheMaximum() {
    assertTrue(policy.writeNow(false, 5 * MS, 100, LONG_AGO, BUSY, 3 * MS, GAP_PAYS));
    assertFalse(policy.writeNow(false, 5 * MS - 1, 100, LONG_AGO, BUSY, 3 * MS, GAP_PAYS));
  }

  @Test
  void aFullWriteIsNotHeldBack() {
    assertTrue(policy.writeNow(false, 0, FlushPolicy.FULL_WRITE_BYTES, LONG_AGO, BUSY, 3 * MS, GAP_PAYS));
  }

  @Test
  void aMaximumWaitOfZeroMeansNothingEverWaits() {
    FlushPolicy never = FlushPolicy.withMaxWait(Duration.ZERO);
    assertTrue(never.writeNow(false, 0, 100, LONG_AGO, BUSY, 3 * MS, GAP_PAYS));
  }

  @Test
  void roomFramesForAConnectionWrittenToWithinTheGapWait() {
    assertFalse(policy.writeNow(false, 0, 100, FlushPolicy.MIN_GAP_NANOS - 1, QUIET, NO_PAUSE, GAP_PAYS));
  }

  @Test
  void roomFramesForAConnectionWrittenToAGapAgoLeaveAtOnce() {
    assertTrue(policy.writeNow(false, 0, 100, FlushPolicy.MIN_GAP_NANOS, QUIET, NO_PAUSE, GAP_PAYS));
  }

  @Test
  void theGapHoldsNothingWhenTooFewConnectionsWouldShareItsTimer() {
    assertTrue(policy.writeNow(false, 0, 100, 0, QUIET, NO_PAUSE, false));
  }

  @Test
  void theGapPaysForEnoughConnectionsOrATimerAlreadySet() {
    assertTrue(policy.gapPays(FlushPolicy.GAP_SHARE, false));
    assertFalse(policy.gapPays(FlushPolicy.GAP_SHARE - 1, false));
    assertTrue(policy.gapPays(1, true));
  }

  @Test
  void aReplyIsNeverHeldByTheGap() {
    assertTrue(policy.writeNow(true, 0, 100, 0, QUIET, NO_PAUSE, GAP_PAYS));
  }

  @Test
  void framesHeldByTheGapAreDueAtItsEnd() {
    assertEquals(10 * MS + FlushPolicy.MIN_GAP_NANOS, policy.dueNanos(10 * MS, 10 * MS, 10 * MS));
  }

  @Test
  void framesListedLongAfterTheLastWriteAreDueAtTheirBound() {
    assertEquals(20 * MS + 5 * MS, policy.dueNanos(20 * MS, 0, 20 * MS));
  }

  @Test
  void framesStillWaitingAfterTheirGapEndedAreDueAtTheirBound() {
    long listed = 10 * MS;
    long gapEnd = listed + FlushPolicy.MIN_GAP_NANOS / 2;
    assertEquals(listed + 5 * MS, policy.dueNanos(listed, gapEnd - FlushPolicy.MIN_GAP_NANOS, gapEnd + 1));
  }

  @Test
  void aMaximumWaitBelowTheGapShortensTheGap() {
    assertEquals(MS / 2, FlushPolicy.withMaxWait(Duration.ofNanos(MS / 2)).minGapNanos());
  }

  @Test
  void thePauseIsTwiceTheTimeTheWritesTook() {
    assertEquals(2 * MS, policy.pauseAfter(MS));
  }
}
