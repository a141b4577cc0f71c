package chat.bench.scenario;

/**
 * Log-linear histogram of nanosecond latencies: 64 sub-buckets per power of two, so a reported percentile is
 * within ~1.6% of the true value; fixed 8,192 counters whatever the number of samples.
 */
final class LatencyHistogram {
  private static final int SUB_BITS = 7;
  private static final int SUB_BUCKETS = 1 << SUB_BITS;

  private final long[] counts = new long[64 * SUB_BUCKETS];
  private long total;
  private long max;

  void record(long nanos) {
    long value = Math.max(0, nanos);
    counts[index(value)]++;
    total++;
    if (value > max) {
      max = value;
    }
  }

  long count() {
    return total;
  }

  long max() {
    return max;
  }

  /** The value at quantile {@code q} (0..1), as the upper edge of its bucket; 0 when empty. */
  long percentile(double q) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= Math.max(1, rank)) {
        return Math.min(upperEdge(i), max);
      }
    }
    return max;
  }

  private static int index(long value) {
    if (value < SUB_BUCKETS) {
      return (int) value;
    }
    // keep the top SUB_BITS bits: sub lands in [SUB_BUCKETS / 2, SUB_BUCKETS)
    int shift = 63 - Long.numberOfLeadingZeros(value) - (SUB_BITS - 1);
    return shift * SUB_BUCKETS + (int) (value >>> shift);
  }

  private static long upperEdge(int index) {
    int shift = index / SUB_BUCKETS;
    long sub = index % SUB_BUCKETS;
    return shift == 0 ? sub : ((sub + 1) << shift) - 1;
  }
}
