package chat.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void percentilesAreWithinTwoPercentOfTheExactValues() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (long micros = 1; micros <= 10_000; micros++) {
      histogram.record(micros * 1_000);
    }

    assertClose(5_000_000, histogram.percentile(0.50));
    assertClose(9_900_000, histogram.percentile(0.99));
    assertEquals(10_000_000, histogram.max());
  }

  @Test
  void smallValuesAreExact() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(3);
    histogram.record(7);

    assertEquals(3, histogram.percentile(0.5));
    assertEquals(7, histogram.percentile(1.0));
  }

  private static void assertClose(long expected, long actual) {
    assertTrue(Math.abs(actual - expected) <= expected * 0.02, "expected ~" + expected + " but was " + actual);
  }
}
