package chat.bench.compare;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * The first server's figures over each other server's, per scenario, for the results file: ratios of the
 * medians, and CPU per delivery also run by run (run i of one server against run i of the other, which ran
 * next to it in time; the order of the two alternates), and p99 latency as a difference too (java over
 * java-memory: what durable history adds at a fixed offered load).
 */
final class ServerRatios {
  private static final List<String> METRICS = List.of("server_cpu_us_per_delivery", "server_writes_per_delivery",
      "latency_p50_us", "latency_p99_us", "persisted_per_s", "ack_latency_p99_us", "reconnect_caught_up_s",
      "resume_p99_ms", "cross_node_latency_p99_us", "redis_commands_per_message");
  private static final String PAIRED = "server_cpu_us_per_delivery";
  private static final String DIFFERENCE = "latency_p99_us";

  private final MedianTable table;
  private final List<String> servers;

  ServerRatios(MedianTable table, List<String> servers) {
    this.table = table;
    this.servers = servers;
  }

  /**
   * {scenario: {"java/node": {metric: ratio, …, "latency_p99_us_difference": first − other,
   * "paired_server_cpu_us_per_delivery": [r0, r1, …]}, …}}.
   */
  JsonObject toJson() {
    JsonObject all = new JsonObject();
    String first = servers.get(0);
    for (String scenario : table.scenarios()) {
      JsonObject byPair = new JsonObject();
      for (String other : servers.subList(1, servers.size())) {
        JsonObject ratios = new JsonObject();
        for (String metric : METRICS) {
          Double ratio = MedianTable.ratio(table.median(scenario, first, metric), table.median(scenario, other, metric));
          if (ratio != null) {
            ratios.addProperty(metric, ratio);
          }
        }
        Double mine = table.median(scenario, first, DIFFERENCE);
        Double theirs = table.median(scenario, other, DIFFERENCE);
        if (mine != null && theirs != null) {
          ratios.addProperty(DIFFERENCE + "_difference", mine - theirs);
        }
        ratios.add("paired_" + PAIRED, paired(scenario, first, other));
        byPair.add(first + "/" + other, ratios);
      }
      all.add(scenario, byPair);
    }
    return all;
  }

  private JsonArray paired(String scenario, String first, String other) {
    JsonArray ratios = new JsonArray();
    for (JsonObject run : table.runsOf(scenario, first)) {
      for (JsonObject otherRun : table.runsOf(scenario, other)) {
        if (otherRun.get("run").getAsInt() == run.get("run").getAsInt() && run.has(PAIRED) && otherRun.has(PAIRED)) {
          ratios.add(MedianTable.ratio(run.get(PAIRED).getAsDouble(), otherRun.get(PAIRED).getAsDouble()));
        }
      }
    }
    return ratios;
  }
}
