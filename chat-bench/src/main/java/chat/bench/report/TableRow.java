package chat.bench.report;

/**
 * A row of a scenario table. A median row shows each server's median of the result field {@code key} times
 * {@code scale} (the unit shown), with ratios when {@code ratios}; a {@link #countingTrue} row shows in how many
 * runs a true/false field was true. {@code term} and {@code meaning} go into the legend (null: explained with
 * another row).
 */
record TableRow(String label, String key, double scale, boolean ratios, String term, String meaning,
    boolean countsTrue) {

  static TableRow median(String label, String key, double scale, boolean ratios, String term, String meaning) {
    return new TableRow(label, key, scale, ratios, term, meaning, false);
  }

  static TableRow median(String label, String key, double scale, boolean ratios) {
    return median(label, key, scale, ratios, null, null);
  }

  static TableRow countingTrue(String label, String key, String term, String meaning) {
    return new TableRow(label, key, 1, false, term, meaning, true);
  }
}
