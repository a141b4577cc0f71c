package chat.bench.compare;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.bench.scenario.BenchOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenariosTest {
  @Test
  void everyScenarioIsAValidGeneratorCommandLine() {
    Map<String, List<String>> every = new LinkedHashMap<>(Scenarios.all());
    every.putAll(Scenarios.quick());
    every.forEach((name, flags) -> {
      List<String> all = new ArrayList<>(flags);
      all.addAll(List.of("--server-data-dir", "/tmp/data")); // what RunRecorder adds for the SQLite server
      if (Scenarios.nodes(flags) > 1) {
        all.addAll(List.of("--port", "4001,4003", "--server-pid", "11,12")); // and for a cluster, per node
      }
      assertDoesNotThrow(() -> BenchOptions.parse(all.toArray(String[]::new)), name);
    });
  }

  @Test
  void aRunWithoutWarmUpGivesTheGeneratorTheQuickCompilerOnlyAndTheOthersTheUsualFlags() {
    List<String> cold = RunRecorder.generatorFlags(Scenarios.all().get("rooms-100x10-short"));
    List<String> warm = RunRecorder.generatorFlags(Scenarios.all().get("rooms-100x10-single"));

    assertEquals(List.of("-XX:+UseSerialGC", "-Xms256m", "-Xmx2g", "-XX:TieredStopAtLevel=1"), cold);
    assertEquals(List.of("-XX:+UseSerialGC", "-Xms256m", "-Xmx2g"), warm);
    assertEquals(cold, RunRecorder.generatorFlags(Scenarios.all().get("connections-10000")),
        "no --warmup: the generator's default, none");
  }

  @Test
  void protocolV2ScenariosRunOnTheJavaServerAndDbsizeOnlyWithSqlite() {
    List<String> ingest = Scenarios.all().get("ingest-100x10");
    List<String> dbsize = Scenarios.all().get("dbsize-200k");
    List<String> fanout = Scenarios.all().get("fanout-100");

    assertTrue(Scenarios.runsOn(ingest, ServerKind.JAVA) && Scenarios.runsOn(ingest, ServerKind.JAVA_MEMORY));
    assertFalse(Scenarios.runsOn(Scenarios.all().get("reconnect-1000"), ServerKind.WS));
    assertTrue(Scenarios.runsOn(dbsize, ServerKind.JAVA));
    assertFalse(Scenarios.runsOn(dbsize, ServerKind.JAVA_MEMORY));
    assertTrue(Scenarios.runsOn(fanout, ServerKind.NODE) && Scenarios.runsOn(fanout, ServerKind.JAVA_MEMORY));
  }

  @Test
  void clusterScenariosRunOnTwoNodesOfEveryServerWithAClusterMode() {
    List<String> cluster = Scenarios.all().get("cluster-rate-1000");

    assertEquals(2, Scenarios.nodes(cluster));
    assertEquals(1, Scenarios.nodes(Scenarios.all().get("rooms-100x10")));
    assertTrue(Scenarios.runsOn(cluster, ServerKind.JAVA) && Scenarios.runsOn(cluster, ServerKind.NODE));
    assertFalse(Scenarios.runsOn(cluster, ServerKind.WS), "ws has no cluster");
    assertFalse(Scenarios.runsOn(cluster, ServerKind.JAVA_MEMORY), "a cluster's history is in Redis whatever the store");
    assertTrue(Scenarios.all().keySet().containsAll(List.of("cluster-rooms-100x10", "cluster-fanout-1000")));
  }

  @Test
  void theNodeKillRunsOnlyOnTheJavaClusterInFullAndQuick() {
    List<String> full = Scenarios.all().get("cluster-nodekill-1000");
    List<String> quick = Scenarios.quick().get("cluster-nodekill-100");

    for (List<String> flags : List.of(full, quick)) {
      assertEquals(2, Scenarios.nodes(flags));
      assertTrue(Scenarios.runsOn(flags, ServerKind.JAVA));
      for (ServerKind other : List.of(ServerKind.NODE, ServerKind.WS, ServerKind.JAVA_MEMORY, ServerKind.JAVA_FSYNC)) {
        assertFalse(Scenarios.runsOn(flags, other), other.label());
      }
    }
    assertEquals("1000", full.get(full.indexOf("--rate") + 1));
    assertEquals("1000", full.get(full.indexOf("--clients") + 1));
    assertEquals("100", quick.get(quick.indexOf("--clients") + 1));
  }

  @Test
  void aJavaClusterNodeGetsTheRedisFlagsOfTheContractAndOtherwiseTheUsualOnes() {
    ServerProcess.ClusterNode node = new ServerProcess.ClusterNode("redis://127.0.0.1:6390", "p:", Cluster.nodeId(1));
    List<String> alone = ServerProcess.javaCommand(ServerKind.JAVA_MEMORY, Path.of("/repo"), 4000, 4001, null, null);
    List<String> clustered = ServerProcess.javaCommand(ServerKind.JAVA_MEMORY, Path.of("/repo"), 4000, 4001, null,
        node);

    assertEquals(alone, clustered.subList(0, alone.size()));
    assertEquals(List.of("--redis", "redis://127.0.0.1:6390", "--redis-prefix", "p:", "--node-id", "b"),
        clustered.subList(alone.size(), clustered.size()));
    assertFalse(alone.contains("--redis"));
  }

  @Test
  void theMemoryVariantIsNamedWithAHyphen() {
    assertEquals(ServerKind.JAVA_MEMORY, ServerKind.named("java-memory"));
    assertEquals("java-memory", ServerKind.JAVA_MEMORY.label());
  }
}
