package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FloodGuardTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void aBurstPassesThenFramesAreRefusedWithTheTimeToTheNextToken() {
    FloodGuard guard = new FloodGuard(10, 20, 0);
    for (int i = 0; i < 20; i++) {
      assertTrue(guard.admit(0).allowed());
    }
    FloodGuard.Verdict refused = guard.admit(0);
    assertFalse(refused.allowed());
    assertEquals(100, refused.retryAfterMs());
    assertFalse(refused.abusive());
  }

  @Test
  void tokensComeBackAtTheRate() {
    FloodGuard guard = new FloodGuard(10, 20, 0);
    for (int i = 0; i < 20; i++) {
      guard.admit(0);
    }
    assertTrue(guard.admit(SECOND / 10).allowed());
    assertFalse(guard.admit(SECOND / 10).allowed());
    assertEquals(50, guard.admit(SECOND / 10 + SECOND / 20).retryAfterMs());
  }

  @Test
  void aRateOfZeroLetsEverythingThrough() {
    FloodGuard guard = new FloodGuard(0, 1, 0);
    for (int i = 0; i < 10_000; i++) {
      assertTrue(guard.admit(0).allowed());
    }
  }

  @Test
  void aHundredRefusalsWithinTenSecondsAreAbuse() {
    FloodGuard guard = new FloodGuard(1, 1, 0);
    guard.admit(0);
    for (int i = 1; i < FloodGuard.ABUSE_REJECTIONS; i++) {
      assertFalse(guard.admit(i * 1_000_000L).abusive());
    }
    assertTrue(guard.admit(FloodGuard.ABUSE_REJECTIONS * 1_000_000L).abusive());
  }

  @Test
  void refusalsSpreadOverLongerThanTheWindowAreNotAbuse() {
    FloodGuard guard = new FloodGuard(0.001, 1, 0);
    guard.admit(0);
    long step = FloodGuard.ABUSE_WINDOW_SECONDS * SECOND / 60;
    for (int i = 1; i <= 3 * FloodGuard.ABUSE_REJECTIONS; i++) {
      assertFalse(guard.admit(i * step).abusive(), "refusal " + i);
    }
  }
}
