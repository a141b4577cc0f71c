package chat.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schedule driven by made-up clock readings: nothing here waits for real time. */
class RatePacerTest {
  private static final long MS = 1_000_000;
  private static final long START = 5_000 * MS;

  private final List<long[]> sent = new ArrayList<>();

  private void record(long number, long due) {
    sent.add(new long[] {number, due});
  }

  @Test
  void messagesAreDueEvenlyAtTheRate() {
    RatePacer pacer = new RatePacer(START, 1_000, 10, 64);

    assertEquals(1, pacer.sendDue(START, this::record), "the first is due at the start");
    assertEquals(0, pacer.sendDue(START + MS / 2, this::record), "the second is not due yet");
    assertEquals(START + MS, pacer.nextDueNanos());
    assertEquals(1, pacer.sendDue(START + MS, this::record));
    assertEquals(START + MS, sent.get(1)[1]);
  }

  @Test
  void aLateCallerCatchesUpAtMostABurstAtATimeKeepingEachDueTime() {
    RatePacer pacer = new RatePacer(START, 1_000, 100, 4);
    long stalled = START + 20 * MS; // 21 messages are due by now

    assertEquals(4, pacer.sendDue(stalled, this::record));
    assertEquals(4, pacer.sendDue(stalled, this::record));
    assertTrue(pacer.nextDueNanos() <= stalled, "still behind: the caller must come back at once");
    for (int i = 0; i < sent.size(); i++) {
      assertEquals(i, sent.get(i)[0]);
      assertEquals(START + i * MS, sent.get(i)[1], "stamped with its schedule, not with when it left");
    }
  }

  @Test
  void theScheduleEndsAfterTheTotal() {
    RatePacer pacer = new RatePacer(START, 2_000, 5, 64);

    assertEquals(5, pacer.sendDue(START + 10 * MS, this::record));
    assertTrue(pacer.done());
    assertEquals(Long.MAX_VALUE, pacer.nextDueNanos());
    assertEquals(0, pacer.sendDue(START + 20 * MS, this::record));
    assertEquals(0.002, pacer.scheduleSeconds(), 1e-9);
  }

  @Test
  void aClockTickingEveryTenthOfAMillisecondSendsTheRateEachSecond() {
    RatePacer pacer = new RatePacer(START, 500, 10_000, 64);
    long maxLag = 0;
    for (long now = START; now < START + 1_000 * MS; now += MS / 10) {
      int before = sent.size();
      pacer.sendDue(now, this::record);
      for (int i = before; i < sent.size(); i++) {
        maxLag = Math.max(maxLag, now - sent.get(i)[1]);
      }
    }

    assertEquals(500, sent.size());
    assertTrue(maxLag < MS / 10, "each sent within one tick of its due time, lag " + maxLag);
    assertFalse(pacer.done());
  }
}
