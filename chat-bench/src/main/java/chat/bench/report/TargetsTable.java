package chat.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The speed targets of issue "One write path", judged on both stores from the runs: CPU per delivery at most ⅓
 * of socket.io's in every fanout scenario; at most ½ of it, and no more than the plain ws server's, in rooms of
 * 10 with one sender each (the long and the short run); and at a fixed offered load, latency p50 and p99 no
 * worse than socket.io's. A row needs the reference server's runs; a store without runs shows "—".
 */
final class TargetsTable {
  static final String NAME = "targets";
  private static final String CPU = "server_cpu_us_per_delivery";
  private static final String SQLITE = "java";
  private static final String MEMORY = "java-memory";
  private static final String SOCKET_IO = "node";
  private static final String WS = "ws";

  private final ResultRuns runs;

  TargetsTable(ResultRuns runs) {
    this.runs = runs;
  }

  /** Null when no scenario has a row (no reference server ran, or no scenario a target names). */
  String render() {
    List<String> scenarios = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    for (String scenario : runs.scenarios()) {
      List<String> own = rows(scenario);
      if (!own.isEmpty()) {
        scenarios.add(scenario);
        rows.addAll(own);
      }
    }
    if (rows.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder("The targets of issue \"One write path\", judged on both stores: medians "
        + "over the runs in ").append(TableNumbers.files(runs, scenarios)).append(".\n\n");
    out.append("| target | scenario | measure | Java | Java (memory) | limit | met, Java | met, Java (memory) |\n");
    out.append("|---|---|---|---:|---:|---|---|---|\n");
    rows.forEach(out::append);
    out.append("\n- *CPU / socket.io's*, *CPU / ws's*: the server's CPU per delivery over the reference server's, "
        + "medians over the runs, as in the summary.\n");
    out.append("- *p50*, *p99*: delivery latency at the fixed offered load, against socket.io's in the same file.\n");
    return out.toString();
  }

  private List<String> rows(String scenario) {
    List<String> rows = new ArrayList<>();
    if (runs.cluster(scenario)) {
      return rows;
    }
    if (scenario.startsWith("fanout-")) {
      addCpu(rows, "≤ ⅓ of socket.io's CPU", scenario, SOCKET_IO, 1.0 / 3, "⅓");
    } else if (scenario.startsWith("rooms-") && (scenario.endsWith("-single") || scenario.endsWith("-short"))) {
      addCpu(rows, "≤ ½ of socket.io's CPU", scenario, SOCKET_IO, 0.5, "½");
      addCpu(rows, "no more CPU than ws", scenario, WS, 1, "1");
    } else if (scenario.startsWith("rate-")) {
      addLatency(rows, scenario, "latency_p50_us", "p50 (ms)");
      addLatency(rows, scenario, "latency_p99_us", "p99 (ms)");
    }
    return rows;
  }

  private void addCpu(List<String> rows, String target, String scenario, String reference, double limit,
      String limitText) {
    Double base = runs.median(scenario, reference, CPU);
    if (base == null) {
      return;
    }
    Double sqlite = TableNumbers.divide(runs.median(scenario, SQLITE, CPU), base);
    Double memory = TableNumbers.divide(runs.median(scenario, MEMORY, CPU), base);
    String measure = "CPU / " + (reference.equals(WS) ? "ws's" : "socket.io's");
    rows.add(row(target, scenario, measure, TableNumbers.ratio(sqlite), TableNumbers.ratio(memory),
        "≤ " + limitText, met(sqlite, limit), met(memory, limit)));
  }

  private void addLatency(List<String> rows, String scenario, String key, String measure) {
    Double base = TableNumbers.milliseconds(runs.median(scenario, SOCKET_IO, key));
    if (base == null) {
      return;
    }
    Double sqlite = TableNumbers.milliseconds(runs.median(scenario, SQLITE, key));
    Double memory = TableNumbers.milliseconds(runs.median(scenario, MEMORY, key));
    rows.add(row("latency no worse than socket.io's", scenario, measure, TableNumbers.of(sqlite),
        TableNumbers.of(memory), "≤ " + TableNumbers.of(base), met(sqlite, base), met(memory, base)));
  }

  /** Judged on the unrounded medians, so a ratio shown as 0.33 may still be above ⅓. */
  private static String met(Double value, double limit) {
    return value == null ? TableNumbers.NONE : TableNumbers.verdict(value <= limit);
  }

  private static String row(String... cells) {
    return String.format(Locale.ROOT, "| %s |%n", String.join(" | ", cells));
  }
}
