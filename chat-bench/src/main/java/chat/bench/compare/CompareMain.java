package chat.bench.compare;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java server vs the socket.io reference ("node") and a plain ws server ("ws"), same scenarios, same generator:
 * each run on a fresh server pinned to core 0, the generator on core 1, the servers interleaved (order
 * reversed every other run), medians of the runs. Prints the side-by-side table and writes every run, the
 * medians and the ratios to chat-bench/results/ (--quick: to chat-bench/results/quick/, which git ignores: its
 * numbers only show that the runner works). Run from the repo root.
 * Scenarios a server cannot run (protocol v2 ones on the node servers, cluster ones on ws) are left out for it.
 * A cluster scenario runs each server as two nodes on a fresh redis-server (which must be on the PATH).
 * Flags: [--runs 3] [--only name,name] [--quick] [--servers java,node,ws; also java-memory].
 */
public final class CompareMain {
  private CompareMain() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> flags = flags(args);
    int runs = Integer.parseInt(flags.getOrDefault("runs", "3"));
    Map<String, List<String>> scenarios = flags.containsKey("quick") ? Scenarios.quick() : Scenarios.all();
    if (flags.containsKey("only")) {
      scenarios.keySet().retainAll(Arrays.asList(flags.get("only").split(",")));
    }
    List<String> servers = Arrays.asList(flags.getOrDefault("servers", "java,node,ws").split(","));
    servers.forEach(ServerKind::named);
    Path root = Path.of("").toAbsolutePath();
    Path logs = root.resolve("chat-bench/results/logs");
    Path results = root.resolve(flags.containsKey("quick") ? "chat-bench/results/quick" : "chat-bench/results");
    Files.createDirectories(logs);
    Files.createDirectories(results);
    RunRecorder recorder = new RunRecorder(root, logs);
    boolean allPassed = runAll(scenarios, servers, runs, recorder);
    MedianTable table = new MedianTable(recorder.runs(), servers);
    System.out.println();
    System.out.print(table.render());
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path file = results.resolve("compare-" + stamp + ".json");
    JsonObject json = resultsJson(table, recorder, servers, runs);
    if (scenarios.values().stream().anyMatch(scenario -> Scenarios.nodes(scenario) > 1)) {
      addRedis(json);
    }
    Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(json));
    System.out.println("results: " + root.relativize(file));
    System.exit(allPassed ? 0 : 1);
  }

  /** Every scenario {@code runs} times on each server that can run it, the servers' order reversed every other run. */
  private static boolean runAll(Map<String, List<String>> scenarios, List<String> servers, int runs,
      RunRecorder recorder) throws IOException {
    boolean allPassed = true;
    for (Map.Entry<String, List<String>> scenario : scenarios.entrySet()) {
      for (int run = 0; run < runs; run++) {
        List<String> order = new ArrayList<>(servers);
        if (run % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (String label : order) {
          ServerKind kind = ServerKind.named(label);
          if (Scenarios.runsOn(scenario.getValue(), kind)) {
            allPassed &= recorder.run(scenario.getKey(), scenario.getValue(), kind, run);
          }
        }
      }
    }
    return allPassed;
  }

  private static JsonObject resultsJson(MedianTable table, RunRecorder recorder, List<String> servers, int runs) {
    JsonObject out = new JsonObject();
    out.addProperty("date", Instant.now().toString());
    out.add("host", HostInfo.describe());
    out.addProperty("java_server_flags", String.join(" ", ServerProcess.JAVA_FLAGS) + " -jar chat-server.jar "
        + String.join(" ", ServerProcess.JAVA_SERVER_FLAGS));
    out.addProperty("java_data_dir_file_system", DataDirectory.fileSystemType());
    out.addProperty("generator_flags", String.join(" ", RunRecorder.GENERATOR_FLAGS));
    out.addProperty("generator_flags_without_warmup", String.join(" ", RunRecorder.COLD_GENERATOR_FLAGS));
    out.addProperty("runs_per_server", runs);
    out.add("medians", table.toJson());
    out.add("ratios", new ServerRatios(table, servers).toJson());
    out.add("runs", recorder.runsJson());
    return out;
  }

  /** The cluster scenarios' Redis: its version and flags (the empty --save shown as the shell would need it). */
  private static void addRedis(JsonObject json) throws IOException {
    json.addProperty("redis_server", RedisServer.version());
    json.addProperty("redis_server_flags", String.join(" ", RedisServer.FLAGS).replace("--save  ", "--save '' "));
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].replaceFirst("^--", "");
      boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
      flags.put(name, hasValue ? args[++i] : "true");
    }
    return flags;
  }
}
