package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SelectorLoadTest {
  private static final long WINDOW = SelectorLoad.WINDOW_NANOS;
  private final AtomicLong cpu = new AtomicLong();
  private final SelectorLoad load = new SelectorLoad(cpu::get, 0);

  @Test
  void aSelectorOnTheCpuMostOfAWindowIsSaturated() {
    cpu.set((long) (0.8 * WINDOW));
    assertTrue(load.isSaturated(WINDOW));
  }

  @Test
  void aSelectorThatIdledMuchOfAWindowIsNot() {
    cpu.set((long) (0.5 * WINDOW));
    assertFalse(load.isSaturated(WINDOW));
  }

  @Test
  void theVerdictHoldsUntilTheNextWindowEnds() {
    cpu.set(WINDOW);
    assertTrue(load.isSaturated(WINDOW));
    assertTrue(load.isSaturated(WINDOW + WINDOW / 2));
    assertFalse(load.isSaturated(3 * WINDOW));
  }
}
