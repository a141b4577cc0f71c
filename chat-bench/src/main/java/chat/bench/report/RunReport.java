package chat.bench.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of one run: named metrics in a fixed order, failures, and whether the run passed. */
public final class RunReport {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues()
      .create();

  private final Map<String, Object> metrics = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();

  public RunReport put(String name, Object value) {
    metrics.put(name, value);
    return this;
  }

  public Object get(String name) {
    return metrics.get(name);
  }

  public void fail(String failure) {
    failures.add(failure);
  }

  public void failAll(List<String> more) {
    failures.addAll(more);
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }

  public Map<String, Object> metrics() {
    return Map.copyOf(metrics);
  }

  /** A two-column table for the terminal. */
  public String table() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Object> metric : metrics.entrySet()) {
      out.append(String.format("  %-32s %s%n", metric.getKey(), format(metric.getValue())));
    }
    out.append(String.format("  %-32s %s%n", "result", passed() ? "PASS" : "FAIL"));
    for (String failure : failures) {
      out.append("    ! ").append(failure).append(System.lineSeparator());
    }
    return out.toString();
  }

  /** Everything on one JSON line. */
  public String jsonLine() {
    Map<String, Object> all = new LinkedHashMap<>(metrics);
    all.put("passed", passed());
    all.put("failures", failures);
    return GSON.toJson(all);
  }

  private static String format(Object value) {
    if (value instanceof Double) {
      double number = (Double) value;
      if (number != 0 && Math.abs(number) < 0.01) {
        return String.format("%.3g", number);
      }
      return String.format("%.2f", number);
    }
    return String.valueOf(value);
  }
}
