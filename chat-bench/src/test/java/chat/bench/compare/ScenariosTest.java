package chat.bench.compare;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.bench.scenario.BenchOptions;
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
      assertDoesNotThrow(() -> BenchOptions.parse(all.toArray(String[]::new)), name);
    });
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
  void theMemoryVariantIsNamedWithAHyphen() {
    assertEquals(ServerKind.JAVA_MEMORY, ServerKind.named("java-memory"));
    assertEquals("java-memory", ServerKind.JAVA_MEMORY.label());
  }
}
