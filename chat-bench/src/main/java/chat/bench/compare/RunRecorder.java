package chat.bench.compare;

import chat.bench.scenario.BenchOptions;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the generator once against a fresh server and keeps its JSON result. */
final class RunRecorder {
  /** The generator: one core too, so the serial collector; room for 10,000 clients' state. */
  static final List<String> GENERATOR_FLAGS = List.of("-XX:+UseSerialGC", "-Xms256m", "-Xmx2g");
  /**
   * Added for a run without warm-up: the generator then gets none either, and while C2 compiles its hot loop
   * it uses its whole core (every rooms-100x10-short run was generator-bound), so the run measured the
   * generator's JIT rather than the fresh server's. The quick compiler alone is done within the first messages.
   */
  static final List<String> COLD_GENERATOR_FLAGS = List.of("-XX:TieredStopAtLevel=1");
  private static final long RUN_TIMEOUT_MINUTES = 8;

  private final Path root;
  private final Path logs;
  private final List<JsonObject> runs = new ArrayList<>();

  RunRecorder(Path root, Path logs) {
    this.root = root;
    this.logs = logs;
  }

  List<JsonObject> runs() {
    return runs;
  }

  JsonArray runsJson() {
    JsonArray array = new JsonArray();
    runs.forEach(array::add);
    return array;
  }

  /** One run on fresh servers: a cluster of them when the scenario asks for several nodes. */
  boolean run(String scenario, List<String> scenarioFlags, ServerKind kind, int index) throws IOException {
    String logName = scenario + "-" + kind.label() + "-" + index;
    int nodes = Scenarios.nodes(scenarioFlags);
    if (nodes > 1) {
      try (Cluster cluster = Cluster.start(kind, nodes, root, logs, logName)) {
        return generate(scenario, scenarioFlags, kind, index, cluster.generatorFlags());
      }
    }
    try (ServerProcess server = ServerProcess.start(kind, root, logs.resolve(logName + ".log"))) {
      return generate(scenario, scenarioFlags, kind, index, server.generatorFlags());
    }
  }

  /** Runs the generator with the scenario's flags and {@code serverFlags} (where the server is, what to probe). */
  private boolean generate(String scenario, List<String> scenarioFlags, ServerKind kind, int index,
      List<String> serverFlags) throws IOException {
    List<String> arguments = new ArrayList<>(scenarioFlags);
    arguments.addAll(serverFlags);
    arguments.addAll(List.of("--protocol", kind.protocol, "--server-kind", kind.probeKind, "--label", kind.label(),
        "--timeout", "180"));
    List<String> generatorFlags = generatorFlags(arguments);
    List<String> command = new ArrayList<>(List.of("taskset", "-c", "1", "java"));
    command.addAll(generatorFlags);
    command.addAll(List.of("-cp", root.resolve("chat-bench/target/chat-bench.jar").toString(),
        "chat.bench.BenchMain"));
    command.addAll(arguments);
    Process generator = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = generator.getInputStream().readAllBytes();
    waitOrKill(generator);
    JsonObject result = lastJsonLine(new String(output, StandardCharsets.UTF_8));
    result.addProperty("name", scenario);
    result.addProperty("server", kind.label());
    result.addProperty("run", index);
    result.addProperty("generator_flags", String.join(" ", generatorFlags));
    runs.add(result);
    System.out.println(summary(result));
    return result.get("passed").getAsBoolean();
  }

  /**
   * The generator's JVM flags for a run with these generator {@code arguments}: {@link #COLD_GENERATOR_FLAGS}
   * too when the run warms nothing up, as the generator itself reads them.
   */
  static List<String> generatorFlags(List<String> arguments) {
    List<String> flags = new ArrayList<>(GENERATOR_FLAGS);
    if (BenchOptions.parse(arguments.toArray(String[]::new)).warmup() == 0) {
      flags.addAll(COLD_GENERATOR_FLAGS);
    }
    return flags;
  }

  private static void waitOrKill(Process generator) {
    try {
      if (!generator.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        generator.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      generator.destroyForcibly();
    }
  }

  private static JsonObject lastJsonLine(String output) {
    String[] lines = output.split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (lines[i].startsWith("{")) {
        return JsonParser.parseString(lines[i]).getAsJsonObject();
      }
    }
    JsonObject failed = new JsonObject();
    failed.addProperty("passed", false);
    JsonArray failures = new JsonArray();
    failures.add("generator printed no result: " + output.substring(Math.max(0, output.length() - 2000)));
    failed.add("failures", failures);
    return failed;
  }

  private static String summary(JsonObject result) {
    StringBuilder line = new StringBuilder(String.format("%-22s %-11s run %d  %s", result.get("name").getAsString(),
        result.get("server").getAsString(), result.get("run").getAsInt(),
        result.get("passed").getAsBoolean() ? "PASS" : "FAIL"));
    for (String key : List.of("server_cpu_us_per_delivery", "server_writes_per_delivery", "server_kernel_share",
        "latency_p99_us", "deliveries_lost", "joinstorm_s", "server_cpu_s", "server_rss_per_connection_bytes",
        "ingest_max_sustained_per_s", "persisted_per_s", "ingest_peak_persisted_per_s", "ack_latency_p99_us", "reconnect_caught_up_s",
        "resume_p99_ms", "db_bytes_per_million_messages", "cross_node_latency_p99_us", "redis_cpu_share",
        "redis_commands_per_message", "generator_cpu_share", "kill_to_all_resumed_s", "unacked_at_kill",
        "deliveries_duplicated")) {
      if (result.has(key)) {
        line.append(String.format("  %s=%.2f", key, result.get(key).getAsDouble()));
      }
    }
    if (result.has("generator_bound") && result.get("generator_bound").getAsBoolean()) {
      line.append("  GENERATOR-BOUND");
    }
    if (!result.get("passed").getAsBoolean()) {
      line.append("  ").append(result.get("failures"));
    }
    return line.toString();
  }
}
