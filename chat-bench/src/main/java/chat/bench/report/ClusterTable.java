package chat.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * Issue 14's cluster comparison at a glance: for every cluster scenario (two nodes sharing one Redis) and every
 * server that ran it, the medians that its targets are stated in, and whether each is met. The targets: CPU per
 * delivery of both nodes and Redis at most half the socket.io cluster's ("node"), in every cluster scenario;
 * cross-node delivery latency p99 at most 10 ms at a fixed offered load, so judged only in the fixed-rate ones;
 * no loss, duplicate or reorder, which is what a passed run means. Redis's share of the CPU and its commands per
 * message are reported, not judged. The node kill is a cluster scenario with targets of its own (its table is
 * the scenario's).
 */
final class ClusterTable {
  static final String NAME = "cluster";
  /** The peer the targets are stated against: the socket.io reference with @socket.io/redis-adapter. */
  static final String SOCKET_IO = "node";
  private static final String CPU = "server_cpu_us_per_delivery";
  private static final String CROSS_P99 = "cross_node_latency_p99_us";
  private static final double CPU_RATIO_TARGET = 0.5;
  private static final double CROSS_P99_TARGET_MS = 10;

  private final ResultRuns runs;

  ClusterTable(ResultRuns runs) {
    this.runs = runs;
  }

  /** The cluster scenarios, in the order they first appear. */
  List<String> scenarios() {
    return runs.scenarios().stream().filter(runs::cluster)
        .filter(scenario -> runs.all(scenario).stream().noneMatch(run -> run.generatorScenario().equals("nodekill")))
        .toList();
  }

  /** Null when no cluster scenario ran. */
  String render() {
    List<String> scenarios = scenarios();
    if (scenarios.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder("Each server as two nodes sharing one Redis, the clients alternating "
        + "between the nodes: medians over the runs in ").append(TableNumbers.files(runs, scenarios)).append(".\n\n");
    out.append("| scenario | server | CPU per delivery, nodes + Redis (µs) | / socket.io's | within ½ | "
        + "Redis share of the CPU | Redis commands per message | cross-node p50 (ms) | cross-node p99 (ms) | "
        + "within 10 ms | runs passed |\n");
    out.append("|---|---|---:|---:|---|---:|---:|---:|---:|---|---|\n");
    for (String scenario : scenarios) {
      for (String server : runs.servers()) {
        if (!runs.of(scenario, server).isEmpty()) {
          out.append(row(scenario, server));
        }
      }
    }
    out.append("\n- *CPU per delivery*: utime + stime of both nodes and the redis-server process over the measured "
        + "window divided by the deliveries in it; the ratio is of the medians, against the socket.io cluster's "
        + "(the target: at most ½).\n");
    out.append("- *cross-node*: deliveries to a receiver connected to the other node than the sender's, from the "
        + "text's stamp to the read. The 10 ms target is for a fixed offered load, so it is judged only in the "
        + "fixed-rate scenarios (—: ack-paced, or the peer itself).\n");
    out.append("- *runs passed*: runs without a lost, duplicate, reordered or foreign delivery or another failed "
        + "check.\n");
    return out.toString();
  }

  private String row(String scenario, String server) {
    boolean peer = server.equals(SOCKET_IO);
    Double cpu = runs.median(scenario, server, CPU);
    Double ratio = peer ? null : TableNumbers.divide(cpu, runs.median(scenario, SOCKET_IO, CPU));
    Double p99 = TableNumbers.milliseconds(runs.median(scenario, server, CROSS_P99));
    String p99Verdict = peer || p99 == null || !fixedRate(scenario, server) ? TableNumbers.NONE
        : TableNumbers.verdict(p99 <= CROSS_P99_TARGET_MS);
    return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", scenario,
        Columns.title(server), TableNumbers.of(cpu), TableNumbers.ratio(ratio),
        ratio == null ? TableNumbers.NONE : TableNumbers.verdict(ratio <= CPU_RATIO_TARGET),
        TableNumbers.ratio(runs.median(scenario, server, "redis_cpu_share")),
        TableNumbers.of(runs.median(scenario, server, "redis_commands_per_message")),
        TableNumbers.of(TableNumbers.milliseconds(runs.median(scenario, server, "cross_node_latency_p50_us"))),
        TableNumbers.of(p99), p99Verdict, passed(scenario, server));
  }

  private boolean fixedRate(String scenario, String server) {
    return runs.of(scenario, server).stream().anyMatch(run -> run.number("rate_offered_per_s") != null);
  }

  private String passed(String scenario, String server) {
    List<ResultRuns.Run> of = runs.of(scenario, server);
    return of.stream().filter(ResultRuns.Run::passed).count() + " of " + of.size();
  }
}
