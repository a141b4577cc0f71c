package chat.bench.compare;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Medians per scenario and server of every numeric metric, and the side-by-side table of them. */
final class MedianTable {
  /** Run settings rather than measurements: shown once, not compared. */
  private static final Set<String> SETTINGS = Set.of("clients", "rooms", "senders_per_room",
      "messages_per_sender", "warmup_messages_per_sender", "inflight", "payload_bytes", "run", "rate_offered_per_s",
      "rate_per_sender_per_s", "messages_while_away", "warmup_rounds", "ingest_step_s", "ack_p99_limit_ms", "nodes",
      "kill_node", "kill_after_s");

  private final List<JsonObject> runs;
  private final List<String> servers;

  MedianTable(List<JsonObject> runs, List<String> servers) {
    this.runs = runs;
    this.servers = servers;
  }

  JsonObject toJson() {
    JsonObject all = new JsonObject();
    for (String scenario : scenarios()) {
      JsonObject byServer = new JsonObject();
      for (String server : servers) {
        if (runsOf(scenario, server).isEmpty()) {
          continue; // a scenario this server cannot run (see Scenarios.runsOn)
        }
        JsonObject medians = new JsonObject();
        for (String metric : metrics(scenario)) {
          Double median = median(scenario, server, metric);
          if (median != null) {
            medians.addProperty(metric, median);
          }
        }
        medians.addProperty("all_runs_passed", allPassed(scenario, server));
        byServer.add(server, medians);
      }
      all.add(scenario, byServer);
    }
    return all;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    int column = 2 + servers.stream().mapToInt(s -> (servers.get(0) + "/" + s).length()).max().orElse(14);
    String cell = "%" + Math.max(16, column) + "s";
    for (String scenario : scenarios()) {
      List<String> metrics = metrics(scenario);
      String name = "  %-" + Math.max(34, 2 + metrics.stream().mapToInt(String::length).max().orElse(0)) + "s";
      int runCount = servers.stream().mapToInt(s -> runsOf(scenario, s).size()).max().orElse(0);
      out.append(String.format("== %s (medians of %d runs)%n", scenario, runCount));
      out.append(String.format(name, "metric"));
      servers.forEach(s -> out.append(String.format(cell, s)));
      servers.stream().skip(1).forEach(s -> out.append(String.format(cell, servers.get(0) + "/" + s)));
      out.append("\n");
      for (String metric : metrics) {
        out.append(String.format(name, metric));
        servers.forEach(s -> out.append(String.format(cell, format(median(scenario, s, metric)))));
        servers.stream().skip(1).forEach(s -> out.append(String.format(cell,
            format(ratio(median(scenario, servers.get(0), metric), median(scenario, s, metric))))));
        out.append("\n");
      }
      out.append(String.format(name, "all runs passed"));
      servers.forEach(s -> out.append(String.format(cell, runsOf(scenario, s).isEmpty() ? "-" : allPassed(scenario, s))));
      out.append("\n\n");
    }
    return out.toString();
  }

  /** {@code a / b}, or null when either is missing or b is 0. */
  static Double ratio(Double a, Double b) {
    return a == null || b == null || b == 0 ? null : a / b;
  }

  Set<String> scenarios() {
    Set<String> names = new LinkedHashSet<>();
    runs.forEach(r -> names.add(r.get("name").getAsString()));
    return names;
  }

  List<JsonObject> runsOf(String scenario, String server) {
    List<JsonObject> matching = new ArrayList<>();
    for (JsonObject run : runs) {
      if (run.get("name").getAsString().equals(scenario) && run.get("server").getAsString().equals(server)) {
        matching.add(run);
      }
    }
    return matching;
  }

  private List<String> metrics(String scenario) {
    Map<String, Boolean> names = new LinkedHashMap<>();
    for (JsonObject run : runs) {
      if (run.get("name").getAsString().equals(scenario)) {
        for (Map.Entry<String, JsonElement> field : run.entrySet()) {
          JsonElement value = field.getValue();
          boolean numeric = value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
          if (numeric && !SETTINGS.contains(field.getKey())) {
            names.put(field.getKey(), true);
          }
        }
      }
    }
    return new ArrayList<>(names.keySet());
  }

  /** The median of a metric over a scenario's runs on one server; null when no run has it. */
  Double median(String scenario, String server, String metric) {
    List<Double> values = new ArrayList<>();
    for (JsonObject run : runsOf(scenario, server)) {
      if (run.has(metric) && run.get(metric).isJsonPrimitive() && run.get(metric).getAsJsonPrimitive().isNumber()) {
        values.add(run.get(metric).getAsDouble());
      }
    }
    if (values.isEmpty()) {
      return null;
    }
    Collections.sort(values);
    int middle = values.size() / 2;
    return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
  }

  private boolean allPassed(String scenario, String server) {
    List<JsonObject> matching = runsOf(scenario, server);
    return !matching.isEmpty() && matching.stream().allMatch(r -> r.get("passed").getAsBoolean());
  }

  private static String format(Double value) {
    if (value == null) {
      return "-";
    }
    if (value != 0 && Math.abs(value) < 10) {
      return String.format("%.3f", value);
    }
    return String.format("%.1f", value);
  }
}
