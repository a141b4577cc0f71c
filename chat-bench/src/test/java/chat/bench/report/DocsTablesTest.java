package chat.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsTablesTest {
  @TempDir
  Path dir;

  private static JsonObject run(String scenario, String server, int index, double cpu, double lost) {
    JsonObject run = new JsonObject();
    run.addProperty("name", scenario);
    run.addProperty("server", server);
    run.addProperty("run", index);
    run.addProperty("passed", lost == 0);
    run.addProperty("clients", 100);
    run.addProperty("rooms", 1);
    run.addProperty("senders_per_room", 1);
    run.addProperty("messages_per_sender", 2000);
    run.addProperty("warmup_messages_per_sender", 0);
    run.addProperty("inflight", 1);
    run.addProperty("deliveries_expected", 200_000);
    run.addProperty("deliveries_received", 200_000 - lost);
    run.addProperty("server_cpu_us_per_delivery", cpu);
    run.addProperty("server_writes_per_delivery", -1.0); // unreadable /proc/PID/io
    run.addProperty("latency_p99_us", cpu * 1000);
    return run;
  }

  private Path file(String name, JsonObject... runs) throws IOException {
    JsonArray array = new JsonArray();
    for (JsonObject run : runs) {
      array.add(run);
    }
    JsonObject root = new JsonObject();
    root.add("runs", array);
    return Files.writeString(dir.resolve(name), root.toString());
  }

  private ResultRuns twoFiles() throws IOException {
    Path first = file("first.json", run("fanout-100-single", "java", 0, 2.0, 0),
        run("fanout-100-single", "node", 0, 10.0, 0), run("fanout-100-single", "ws", 0, 4.0, 0));
    Path second = file("second.json", run("fanout-100-single", "java", 1, 3.0, 0),
        run("fanout-100-single", "node", 1, 12.0, 0), run("fanout-100-single", "ws", 1, 8.0, 5),
        run("rooms-100x10-short", "java", 0, 20.0, 0));
    return ResultRuns.read(List.of(first, second));
  }

  @Test
  void runsOfAScenarioFromSeveralFilesAreTakenTogether() throws IOException {
    ResultRuns runs = twoFiles();

    assertEquals(List.of("fanout-100-single", "rooms-100x10-short"), runs.scenarios());
    assertEquals(List.of("java", "node", "ws"), runs.servers());
    assertEquals(2.5, runs.median("fanout-100-single", "java", "server_cpu_us_per_delivery"));
    assertEquals(List.of(dir.resolve("second.json").toString()), runs.filesOf("rooms-100x10-short"));
    assertEquals(null, runs.median("fanout-100-single", "java", "server_writes_per_delivery"),
        "-1 means not measured");
  }

  @Test
  void aScenarioTableHoldsMediansRatiosLossAndItsSources() throws IOException {
    String table = new ScenarioTable(twoFiles()).render("fanout-100-single");

    assertTrue(table.contains("| metric | Java | socket.io | ws | Java / socket.io | Java / ws |"), table);
    assertTrue(table.contains("| server CPU per delivery (µs) | 2.50 | 11.0 | 6.00 | 0.23 | 0.42 |"), table);
    assertTrue(table.contains("| latency p99 (ms) | 2.50 | 11.0 | 6.00 | 0.23 | 0.42 |"), table);
    assertTrue(table.contains("| deliveries lost (all runs) | 0 of 400,000 | 0 of 400,000 | 5 of 400,000 | | |"),
        table);
    assertTrue(table.contains("| runs passed | 2 of 2 | 2 of 2 | 1 of 2 | | |"), table);
    assertTrue(table.contains("first.json`, `" + dir.resolve("second.json")), "names both files: " + table);
    assertTrue(table.contains("no warm-up"), table);
    assertFalse(table.contains("write syscalls"), "no run measured them: " + table);
  }

  @Test
  void aScenarioOnlyOneServerRanHasOnlyItsColumn() throws IOException {
    String table = new ScenarioTable(twoFiles()).render("rooms-100x10-short");

    assertTrue(table.contains("| metric | Java |\n|---|---:|\n"), table);
    assertFalse(table.contains("first.json"), table);
  }

  @Test
  void aRunThatFailedBeforeReportingItsSettingsDoesNotWriteTheHeading() throws IOException {
    JsonObject failed = new JsonObject();
    failed.addProperty("name", "fanout-100");
    failed.addProperty("server", "java");
    failed.addProperty("run", 0);
    failed.addProperty("passed", false);
    Path file = file("early.json", failed, run("fanout-100", "node", 0, 5.0, 0));

    String table = new ScenarioTable(ResultRuns.read(List.of(file))).render("fanout-100");

    assertTrue(table.contains("**fanout-100**: 100 clients in 1 room, 1 sender per room × 2,000 messages, no warm-up"),
        table);
    assertTrue(table.contains("| runs passed | 0 of 1 | 1 of 1 | |"), table);
  }

  @Test
  void writeReplacesOnlyTheMarkedSectionsOfTheFile() throws IOException {
    Path doc = Files.writeString(dir.resolve("doc.md"), String.join("\n", "# Title", "before",
        "<!-- generated:summary -->", "old table", "<!-- /generated:summary -->", "between",
        "<!-- generated:unknown -->", "kept", "<!-- /generated:unknown -->", "after", ""));
    Map<String, String> sections = Map.of("summary", "| new | table |\n", "other", "unused\n");

    GeneratedSections.Result result = DocsTables.write(doc, sections);
    String once = Files.readString(doc);
    DocsTables.write(doc, sections);

    assertEquals(String.join("\n", "# Title", "before", "<!-- generated:summary -->", "| new | table |",
        "<!-- /generated:summary -->", "between", "<!-- generated:unknown -->", "kept", "<!-- /generated:unknown -->",
        "after", ""), once);
    assertEquals(once, Files.readString(doc), "writing twice changes nothing more");
    assertEquals(List.of("summary"), result.replaced());
    assertEquals(List.of("unknown"), result.withoutSection());
  }

  @Test
  void aStartMarkerWithoutItsEndLeavesTheFileAlone() throws IOException {
    String text = "<!-- generated:summary -->\nold\n<!-- /generated:other -->\n";
    Path doc = Files.writeString(dir.resolve("broken.md"), text);

    assertThrows(IllegalArgumentException.class, () -> DocsTables.write(doc, Map.of("summary", "new\n")));
    assertEquals(text, Files.readString(doc));
  }

  private static JsonObject storeRun(String scenario, String server, double cpu, double p99Micros, boolean rated) {
    JsonObject run = run(scenario, server, 0, cpu, 0);
    run.addProperty("latency_p99_us", p99Micros);
    if (rated) {
      run.addProperty("rate_offered_per_s", 500.0);
    }
    return run;
  }

  @Test
  void theStoreComparisonJudgesCpuEverywhereAndP99OnlyAtAFixedRate() throws IOException {
    ResultRuns runs = ResultRuns.read(List.of(file("stores.json",
        storeRun("fanout-100", "java", 2.6, 9000, false), storeRun("fanout-100", "java-memory", 2.0, 4000, false),
        storeRun("rate-500-fanout-100", "java", 4.0, 5000, true),
        storeRun("rate-500-fanout-100", "java-memory", 3.0, 2000, true),
        storeRun("rooms-100x10", "java", 5.0, 1000, false))));

    Map<String, String> sections = DocsTables.sections(runs, List.of(dir.resolve("stores.json")));
    String table = sections.get("store-compare");

    assertTrue(table.contains("| fanout-100 | 2.60 | 2.00 | 1.30 | yes | 9.00 | 4.00 | 5.00 | — |"), table);
    assertTrue(table.contains("| rate-500-fanout-100 | 4.00 | 3.00 | 1.33 | **no** | 5.00 | 2.00 | 3.00 | **no** |"),
        table);
    assertFalse(table.contains("rooms-100x10"), "only one store ran it: " + table);
    assertTrue(sections.get("fanout-100").contains("| metric | Java | Java (memory) | Java / Java (memory) |"),
        sections.get("fanout-100"));
  }

  private static JsonObject latencyRun(String scenario, String server, double p50Micros, double p99Micros) {
    JsonObject run = storeRun(scenario, server, 5.0, p99Micros, true);
    run.addProperty("latency_p50_us", p50Micros);
    return run;
  }

  @Test
  void theTargetsAreJudgedOnBothStoresAgainstTheReferenceServers() throws IOException {
    ResultRuns runs = ResultRuns.read(List.of(file("targets.json",
        run("fanout-100-single", "java", 0, 4.0, 0), run("fanout-100-single", "java-memory", 0, 3.0, 0),
        run("fanout-100-single", "node", 0, 10.0, 0),
        run("rooms-100x10-short", "java", 0, 6.0, 0), run("rooms-100x10-short", "java-memory", 0, 4.0, 0),
        run("rooms-100x10-short", "node", 0, 10.0, 0), run("rooms-100x10-short", "ws", 0, 5.0, 0),
        latencyRun("rate-500-fanout-100", "java", 600, 2000),
        latencyRun("rate-500-fanout-100", "java-memory", 400, 3000),
        latencyRun("rate-500-fanout-100", "node", 500, 2500),
        run("rooms-100x10", "java", 0, 5.0, 0), run("rooms-100x10", "node", 0, 10.0, 0))));

    String table = DocsTables.sections(runs, List.of(dir.resolve("targets.json"))).get("targets");

    assertTrue(table.contains("| ≤ ⅓ of socket.io's CPU | fanout-100-single | CPU / socket.io's | 0.40 | 0.30 | ≤ ⅓ "
        + "| **no** | yes |"), table);
    assertTrue(table.contains("| ≤ ½ of socket.io's CPU | rooms-100x10-short | CPU / socket.io's | 0.60 | 0.40 | ≤ ½ "
        + "| **no** | yes |"), table);
    assertTrue(table.contains("| no more CPU than ws | rooms-100x10-short | CPU / ws's | 1.20 | 0.80 | ≤ 1 | **no** "
        + "| yes |"), table);
    assertTrue(table.contains("| latency no worse than socket.io's | rate-500-fanout-100 | p50 (ms) | 0.60 | 0.40 "
        + "| ≤ 0.50 | **no** | yes |"), table);
    assertTrue(table.contains("| latency no worse than socket.io's | rate-500-fanout-100 | p99 (ms) | 2.00 | 3.00 "
        + "| ≤ 2.50 | yes | **no** |"), table);
    assertFalse(table.contains("| rooms-100x10 |"), "two senders per room: no target names it: " + table);
  }

  @Test
  void noTargetsWithoutAReferenceServer() throws IOException {
    Path file = file("alone.json", run("fanout-100", "java", 0, 2.0, 0));
    assertFalse(DocsTables.sections(ResultRuns.read(List.of(file)), List.of(file)).containsKey("targets"));
  }

  @Test
  void noStoreComparisonWithoutBothStores() throws IOException {
    assertFalse(DocsTables.sections(twoFiles(), List.of()).containsKey("store-compare"));
  }

  private static JsonObject clusterRun(String scenario, String server, double cpu, double crossP99Micros,
      boolean rated) {
    JsonObject run = run(scenario, server, 0, cpu, 0);
    run.addProperty("scenario", "rooms");
    run.addProperty("nodes", 2);
    run.addProperty("redis_cpu_share", 0.2);
    run.addProperty("redis_commands_per_message", 1.0);
    run.addProperty("cross_node_latency_p50_us", crossP99Micros / 4);
    run.addProperty("cross_node_latency_p99_us", crossP99Micros);
    if (rated) {
      run.addProperty("rate_offered_per_s", 1000.0);
    }
    return run;
  }

  private Map<String, String> clusterSections() throws IOException {
    Path file = file("cluster.json", clusterRun("cluster-rooms-100x10", "java", 4.0, 30_000, false),
        clusterRun("cluster-rooms-100x10", "node", 10.0, 40_000, false),
        clusterRun("cluster-rate-1000", "java", 6.0, 8_000, true),
        clusterRun("cluster-rate-1000", "node", 10.0, 12_000, true),
        clusterRun("cluster-rate-1000", "java-memory", 5.0, 12_000, true),
        run("fanout-100", "java", 0, 2.0, 0), run("fanout-100", "java-memory", 0, 2.0, 0));
    return DocsTables.sections(ResultRuns.read(List.of(file)), List.of(file));
  }

  @Test
  void theClusterTableJudgesCpuAgainstSocketIoEverywhereAndCrossNodeP99OnlyAtAFixedRate() throws IOException {
    String table = clusterSections().get("cluster");

    assertTrue(table.contains("| cluster-rooms-100x10 | Java | 4.00 | 0.40 | yes | 0.20 | 1.00 | 7.50 | 30.0 | — "
        + "| 1 of 1 |"), table);
    assertTrue(table.contains("| cluster-rate-1000 | Java | 6.00 | 0.60 | **no** | 0.20 | 1.00 | 2.00 | 8.00 | yes "
        + "| 1 of 1 |"), table);
    assertTrue(table.contains("| cluster-rate-1000 | socket.io | 10.0 | — | — | 0.20 | 1.00 | 3.00 | 12.0 | — "
        + "| 1 of 1 |"), "the peer is not judged against itself: " + table);
    assertTrue(table.contains("| cluster-rate-1000 | Java (memory) | 5.00 | 0.50 | yes | 0.20 | 1.00 | 3.00 | 12.0 "
        + "| **no** | 1 of 1 |"), table);
    assertFalse(table.contains("fanout-100"), table);
  }

  @Test
  void clusterScenariosHaveTheirOwnRowsAndStayOutOfTheSingleServerTables() throws IOException {
    Map<String, String> sections = clusterSections();
    String rate = sections.get("cluster-rate-1000");

    assertTrue(rate.contains("| CPU per delivery, nodes + Redis (µs) | 6.00 | 5.00 | 10.0 | 1.20 | 0.60 |"), rate);
    assertTrue(rate.contains("| cross-node latency p99 (ms) | 8.00 | 12.0 | 12.0 | 0.67 | 0.67 |"), rate);
    assertTrue(rate.contains("alternating over 2 server nodes sharing one Redis"), rate);
    assertFalse(sections.get(DocsTables.SUMMARY).contains("cluster-"), sections.get(DocsTables.SUMMARY));
    assertTrue(sections.get(DocsTables.SUMMARY).contains("| fanout-100 |"));
    assertFalse(sections.get("store-compare").contains("cluster-"), "its CPU is not one server's: "
        + sections.get("store-compare"));
  }

  /** A node kill's run as the generator reports it (fewer fields). */
  private static final String NODE_KILL_RUN = """
      {"scenario":"nodekill","name":"cluster-nodekill-1000","server":"java","run":0,"passed":true,
       "clients":1000,"rooms":100,"nodes":2,"senders_per_room":1,"messages_per_sender":150,"payload_bytes":64,
       "rate_offered_per_s":1000.0,"kill_node":2,"kill_after_s":5,"users_on_killed_node":500,
       "resumed_clients":500,"kill_to_last_drop_seen_ms":40.0,"kill_to_all_resumed_s":1.25,"resume_p50_ms":600.0,
       "resume_p99_ms":1200.0,"resume_max_ms":1250.0,"messages_acked":15000,"unacked_at_kill":7,
       "resent_after_resume":7,"resent_already_stored":3,"deliveries_expected":150000,
       "deliveries_received":150000,"deliveries_lost":0,"deliveries_duplicated":0,"latency_p99_us":900000.0}
      """;

  @Test
  void aNodeKillHasItsOwnTableOfResumesAndAccountingAndStaysOutOfTheClusterComparison() throws IOException {
    Path file = Files.writeString(dir.resolve("nodekill.json"), "{\"runs\":[" + NODE_KILL_RUN + ","
        + clusterRun("cluster-rate-1000", "java", 6.0, 8_000, true) + "]}");
    Map<String, String> sections = DocsTables.sections(ResultRuns.read(List.of(file)), List.of(file));
    String table = sections.get("cluster-nodekill-1000");

    assertTrue(table.contains("node 2 killed (SIGKILL) 5 s in"), table);
    assertTrue(table.contains("| from the kill until all its users resumed (s) | 1.25 |"), table);
    assertTrue(table.contains("| resume time p99 (ms) | 1,200 |"), table);
    assertTrue(table.contains("| unacked at the kill | 7.00 |"), table);
    assertTrue(table.contains("| of them stored before the kill | 3.00 |"), table);
    assertTrue(table.contains("| deliveries lost | 0 |"), table);
    assertTrue(table.contains("| deliveries lost (all runs) | 0 of 150,000 |"), table);
    assertTrue(table.contains("recovered:true"), table);
    assertFalse(table.contains("CPU per delivery"), "no CPU: the dead node's counters are gone: " + table);
    assertFalse(sections.get("cluster").contains("cluster-nodekill"), sections.get("cluster"));
    assertTrue(sections.get("cluster").contains("cluster-rate-1000"));
  }

  @Test
  void noClusterTableWithoutClusterRuns() throws IOException {
    assertFalse(DocsTables.sections(twoFiles(), List.of()).containsKey("cluster"));
  }

  @Test
  void anIngestTableShowsTheRampAsFarAsEachRunWent() throws IOException {
    JsonObject first = ingestRun(0, 10_000, true);
    first.addProperty("ingest_20000_persisted_per_s", 15_000.0);
    first.addProperty("ingest_20000_ack_p99_us", 900_000.0);
    first.addProperty("ingest_20000_sustained", false);
    JsonObject second = ingestRun(1, 10_000, true);

    String table = new ScenarioTable(ResultRuns.read(List.of(file("ingest.json", first, second))))
        .render("ingest-100x10");

    assertTrue(table.contains("| highest sustained rate (messages/s) | 10,000 |"), table);
    assertTrue(table.contains("| at 10,000/s: persisted per s | 9,990 |"), table);
    assertTrue(table.contains("| at 10,000/s: sustained | 2 of 2 |"), table);
    assertTrue(table.contains("| at 20,000/s: ack latency p99 (ms) | 900 |"), table);
    assertTrue(table.contains("| at 20,000/s: sustained | 0 of 1 |"), table);
    assertTrue(table.contains("at 5,000, 10,000, 20,000 messages/s in all for 10 s each"), table);
  }

  private static JsonObject ingestRun(int index, int rate, boolean sustained) {
    JsonObject run = new JsonObject();
    run.addProperty("name", "ingest-100x10");
    run.addProperty("scenario", "ingest");
    run.addProperty("server", "java");
    run.addProperty("run", index);
    run.addProperty("passed", true);
    run.addProperty("clients", 1000);
    run.addProperty("rooms", 100);
    run.addProperty("payload_bytes", 64);
    run.addProperty("ingest_rates", "[5000, 10000, 20000]");
    run.addProperty("ingest_step_s", 10);
    run.addProperty("ack_p99_limit_ms", 100);
    run.addProperty("ingest_max_sustained_per_s", (double) rate);
    run.addProperty("persisted_per_s", rate * 0.999);
    run.addProperty("ingest_" + rate + "_persisted_per_s", rate * 0.999);
    run.addProperty("ingest_" + rate + "_ack_p99_us", 20_000.0);
    run.addProperty("ingest_" + rate + "_sustained", sustained);
    return run;
  }

  @Test
  void everyCommittedResultsFileCanBeRead() throws IOException {
    List<Path> files;
    try (var listing = Files.list(Path.of("results"))) {
      files = listing.filter(path -> path.toString().endsWith(".json")).sorted().toList();
    }
    Map<String, String> sections = DocsTables.sections(ResultRuns.read(files), files);

    assertFalse(files.isEmpty(), "the module's results/ holds the committed comparisons");
    assertTrue(sections.get(DocsTables.SUMMARY).contains("| fanout-100 |"), sections.get(DocsTables.SUMMARY));
    assertTrue(sections.containsKey("connections-10000"));
  }
}
