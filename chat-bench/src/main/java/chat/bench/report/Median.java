package chat.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of some numbers: the middle one, or the mean of the middle two. */
final class Median {
  private Median() {}

  /** Null for no numbers. */
  static Double of(List<Double> numbers) {
    if (numbers.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(numbers);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
