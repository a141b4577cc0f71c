package chat.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the docs tables write numbers: about three significant digits, thousands separated, "—" for none. */
final class TableNumbers {
  static final String NONE = "—";

  private TableNumbers() {}

  static String of(Double value) {
    if (value == null) {
      return NONE;
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 100 || value == 0) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : "%.2f", value);
  }

  static String ratio(Double value) {
    return value == null ? NONE : String.format(Locale.ROOT, "%.2f", value);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** {@code a / b}, or null when either is missing or b is 0. */
  static Double divide(Double a, Double b) {
    return a == null || b == null || b == 0 ? null : a / b;
  }

  /** Microseconds as milliseconds, or null. */
  static Double milliseconds(Double micros) {
    return micros == null ? null : micros / 1e3;
  }

  /** A target's verdict: met, or a bold no. */
  static String verdict(boolean met) {
    return met ? "yes" : "**no**";
  }

  /** The results files the scenarios' runs come from, each in backticks. */
  static String files(ResultRuns runs, List<String> scenarios) {
    return scenarios.stream().flatMap(s -> runs.filesOf(s).stream()).distinct().map(f -> "`" + f + "`")
        .collect(Collectors.joining(", "));
  }
}
