package chat.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommitPacingTest {
  private static final CommitPacing PACING = new CommitPacing(1_000_000, 2_000);

  @Test
  void aMessageAfterAQuietSpellCommitsAtOnce() {
    assertEquals(0, PACING.waitNanos(5_000_000, 1));
  }

  @Test
  void aMessageRightAfterACommitWaitsForTheRestOfTheInterval() {
    assertEquals(700_000, PACING.waitNanos(300_000, 3));
  }

  @Test
  void aFullBatchNeverWaits() {
    assertEquals(0, PACING.waitNanos(0, 2_000));
  }

  @Test
  void anEmptyQueueHasNothingToWaitFor() {
    assertEquals(0, PACING.waitNanos(0, 0));
  }

  @Test
  void theDefaultAllowsAtMostAThousandCommitsASecond() {
    assertEquals(1_000_000, CommitPacing.DEFAULT.minIntervalNanos());
  }
}
