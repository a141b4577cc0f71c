package chat.bench.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Server CPU per delivery of every scenario in one table: the medians per server and their ratios. The cluster
 * scenarios are left out: their CPU is of several processes, and {@link ClusterTable} shows them.
 */
final class SummaryTable {
  private static final String KEY = "server_cpu_us_per_delivery";

  private final ResultRuns runs;
  private final List<String> servers;
  private final List<String> files;

  SummaryTable(ResultRuns runs, List<String> servers, List<String> files) {
    this.runs = runs;
    this.servers = servers;
    this.files = files;
  }

  String render() {
    Columns columns = new Columns(servers);
    StringBuilder out = new StringBuilder("Server CPU per delivery (µs), medians over the runs in ")
        .append(files.stream().map(f -> "`" + f + "`").collect(Collectors.joining(", "))).append(".\n\n");
    out.append(columns.header("scenario"));
    for (String scenario : runs.scenarios()) {
      if (!runs.cluster(scenario) && servers.stream().anyMatch(server -> runs.median(scenario, server, KEY) != null)) {
        out.append(columns.row(scenario, server -> runs.median(scenario, server, KEY), true));
      }
    }
    out.append("\n- *server CPU per delivery*: utime + stime of the server process over each run's measured window "
        + "(`/proc/PID/stat`, 10 ms ticks) divided by the deliveries in it; the ratios are of the medians.\n");
    return out.toString();
  }
}
