package chat.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One scenario's markdown table, from the runs of the results files that hold it: per server the median over
 * its runs of each figure, the first server's over each other's, the deliveries lost and the runs passed,
 * then the files and what each row measures. Rows no run measured are left out.
 */
final class ScenarioTable {
  /**
   * A row of medians: label, result field, factor to the unit shown, whether ratios mean anything, and the term
   * and meaning for the legend (null: explained with another row).
   */
  private record Row(String label, String key, double scale, boolean ratios, String term, String meaning) {}

  private static final List<Row> ROWS = List.of(
      new Row("server CPU per delivery (µs)", "server_cpu_us_per_delivery", 1, true, "server CPU per delivery",
          "utime + stime of the server process over the measured window (`/proc/PID/stat`, 10 ms ticks) divided "
              + "by the deliveries in it; the sender's own copy is a delivery (join storm: the notices and roomData frames)"),
      new Row("write syscalls per delivery", "server_writes_per_delivery", 1, true, "write syscalls per delivery",
          "growth of `syscw` in `/proc/PID/io` over the window divided by the deliveries. It counts every "
              + "write-family call (write, writev) on any descriptor: socket writes, but also log output and a "
              + "selector's wake-up pipe or eventfd; send/sendmsg calls are not in it"),
      new Row("kernel share of server CPU", "server_kernel_share", 1, false, "kernel share",
          "stime / (utime + stime) of the server over the window"),
      new Row("latency p50 (ms)", "latency_p50_us", 1e-3, true, null, null),
      new Row("latency p99 (ms)", "latency_p99_us", 1e-3, true, "latency p50, p99",
          "from the text's stamp to the receiver's read, over every delivery of the window (ack-paced: the time "
              + "it was sent; fixed rate: the time it was scheduled, so a late send counts)"),
      new Row("send lag p99 (ms)", "send_lag_p99_us", 1e-3, false, "send lag",
          "fixed rate only: how long after its scheduled time the generator sent a message (its own lateness, "
              + "included in the latency)"));

  private final ResultRuns runs;

  ScenarioTable(ResultRuns runs) {
    this.runs = runs;
  }

  /** Columns for the servers that ran the scenario. */
  String render(String scenario) {
    List<String> servers = runs.servers().stream().filter(server -> !runs.of(scenario, server).isEmpty()).toList();
    Columns columns = new Columns(servers);
    StringBuilder out = new StringBuilder();
    out.append("**").append(scenario).append("**: ").append(RunSettings.describe(firstRun(scenario, servers)))
        .append(". ").append(sources(scenario, servers)).append(".\n\n");
    out.append(columns.header("metric"));
    List<String> meanings = new ArrayList<>();
    for (Row row : ROWS) {
      if (servers.stream().anyMatch(server -> runs.median(scenario, server, row.key) != null)) {
        out.append(columns.row(row.label, server -> scaled(scenario, server, row), row.ratios));
        if (row.meaning != null) {
          meanings.add("*" + row.term + "*: " + row.meaning + ".");
        }
      }
    }
    if (servers.stream().anyMatch(server -> !lost(scenario, server).equals(TableNumbers.NONE))) {
      out.append(columns.textRow("deliveries lost (all runs)", server -> lost(scenario, server)));
      meanings.add("*deliveries lost*: expected minus received deliveries, summed over the runs, of all expected.");
    }
    out.append(columns.textRow("runs passed", server -> passed(scenario, server)));
    meanings.add("*runs passed*: runs without a lost, duplicate, reordered or foreign delivery or another failed "
        + "check.");
    out.append('\n').append(meanings.stream().map(m -> "- " + m).collect(Collectors.joining("\n"))).append('\n');
    return out.toString();
  }

  private Double scaled(String scenario, String server, Row row) {
    Double median = runs.median(scenario, server, row.key);
    return median == null ? null : median * row.scale;
  }

  private ResultRuns.Run firstRun(String scenario, List<String> servers) {
    return servers.stream().flatMap(server -> runs.of(scenario, server).stream()).findFirst().orElseThrow();
  }

  /** "Medians over the runs (Java 3, …) in `file`, `file`". */
  private String sources(String scenario, List<String> servers) {
    String counts = servers.stream().map(s -> Columns.title(s) + " " + runs.of(scenario, s).size())
        .collect(Collectors.joining(", "));
    String files = runs.filesOf(scenario).stream().map(f -> "`" + f + "`").collect(Collectors.joining(", "));
    return "Medians over the runs (" + counts + ") in " + files;
  }

  private String lost(String scenario, String server) {
    long lost = 0;
    long expected = 0;
    for (ResultRuns.Run run : runs.of(scenario, server)) {
      Double runExpected = run.number("deliveries_expected");
      Double received = run.number("deliveries_received");
      if (runExpected == null || received == null) {
        return TableNumbers.NONE;
      }
      expected += runExpected.longValue();
      lost += Math.max(0, runExpected.longValue() - received.longValue());
    }
    return runs.of(scenario, server).isEmpty() ? TableNumbers.NONE
        : TableNumbers.count(lost) + " of " + TableNumbers.count(expected);
  }

  private String passed(String scenario, String server) {
    List<ResultRuns.Run> of = runs.of(scenario, server);
    return of.isEmpty() ? TableNumbers.NONE : of.stream().filter(ResultRuns.Run::passed).count() + " of " + of.size();
  }
}
