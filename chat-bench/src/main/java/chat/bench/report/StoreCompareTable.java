package chat.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * The Java server with its SQLite store ("java"; or "java-fsync", each commit flushed) against itself with the
 * memory store ("java-memory"), in every scenario both ran that measures deliveries: CPU per delivery and p99 latency, medians over the runs, the
 * CPU ratio and the p99 difference, and whether each is within the targets of issue "Nothing is lost" (CPU at
 * most 1.3 times; p99 at most 2 ms more, at a fixed offered load, so only in the fixed-rate scenarios).
 */
final class StoreCompareTable {
  static final String NAME = "store-compare";
  static final String MEMORY = "java-memory";
  private static final String CPU = "server_cpu_us_per_delivery";
  private static final String P99 = "latency_p99_us";
  private static final double CPU_RATIO_TARGET = 1.3;
  private static final double P99_DIFFERENCE_TARGET_MS = 2;

  private final ResultRuns runs;
  private final String sqlite;

  /** {@code sqlite}: the server label of the SQLite runs, "java" or "java-fsync". */
  StoreCompareTable(ResultRuns runs, String sqlite) {
    this.runs = runs;
    this.sqlite = sqlite;
  }

  /** The section's name: "store-compare", or "store-compare-fsync" for the java-fsync runs. */
  String name() {
    return sqlite.equals("java") ? NAME : NAME + sqlite.substring("java".length());
  }

  /** The scenarios with runs of both servers and CPU per delivery for both; not the cluster ones (see ClusterTable). */
  List<String> scenarios() {
    return runs.scenarios().stream().filter(s -> !runs.cluster(s) && runs.median(s, sqlite, CPU) != null
        && runs.median(s, MEMORY, CPU) != null).toList();
  }

  /** Null when no scenario has both. */
  String render() {
    List<String> scenarios = scenarios();
    if (scenarios.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder("The Java server with its SQLite store (`" + sqlite + "`: "
        + (sqlite.equals("java") ? "`--fsync periodic`" : "`--fsync always`") + ") against the memory store "
        + "(`java-memory`): medians over the runs in ").append(TableNumbers.files(runs, scenarios)).append(".\n\n");
    out.append("| scenario | CPU per delivery, SQLite (µs) | memory (µs) | SQLite / memory | within 1.3× | "
        + "latency p99, SQLite (ms) | memory (ms) | SQLite − memory (ms) | within +2 ms |\n");
    out.append("|---|---:|---:|---:|---|---:|---:|---:|---|\n");
    scenarios.forEach(scenario -> out.append(row(scenario)));
    out.append("\n- *CPU per delivery*: utime + stime of the server over the measured window divided by the "
        + "deliveries in it, as in the tables below; the ratio is of the medians.\n");
    out.append("- *latency p99*: from the text's stamp to the receiver's read. The +2 ms target is for a fixed "
        + "offered load, so it is judged only in the fixed-rate (`rate-`) scenarios (—: ack-paced, where a slower "
        + "ack also slows the sending).\n");
    return out.toString();
  }

  private String row(String scenario) {
    Double cpuSqlite = runs.median(scenario, sqlite, CPU);
    Double cpuMemory = runs.median(scenario, MEMORY, CPU);
    Double ratio = TableNumbers.divide(cpuSqlite, cpuMemory);
    Double p99Sqlite = TableNumbers.milliseconds(runs.median(scenario, sqlite, P99));
    Double p99Memory = TableNumbers.milliseconds(runs.median(scenario, MEMORY, P99));
    Double difference = p99Sqlite == null || p99Memory == null ? null : p99Sqlite - p99Memory;
    String p99Verdict = !fixedRate(scenario) || difference == null ? TableNumbers.NONE
        : TableNumbers.verdict(difference <= P99_DIFFERENCE_TARGET_MS);
    return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", scenario,
        TableNumbers.of(cpuSqlite), TableNumbers.of(cpuMemory), TableNumbers.ratio(ratio),
        ratio == null ? TableNumbers.NONE : TableNumbers.verdict(ratio <= CPU_RATIO_TARGET), TableNumbers.of(p99Sqlite),
        TableNumbers.of(p99Memory), TableNumbers.of(difference), p99Verdict);
  }

  private boolean fixedRate(String scenario) {
    return runs.of(scenario, sqlite).stream().anyMatch(run -> run.number("rate_offered_per_s") != null);
  }
}
