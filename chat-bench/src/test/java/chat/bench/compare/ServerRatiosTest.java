package chat.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerRatiosTest {
  private final List<JsonObject> runs = new ArrayList<>();

  private void run(String server, int index, double cpuPerDelivery) {
    JsonObject run = new JsonObject();
    run.addProperty("name", "fanout-100-single");
    run.addProperty("server", server);
    run.addProperty("run", index);
    run.addProperty("passed", true);
    run.addProperty("server_cpu_us_per_delivery", cpuPerDelivery);
    runs.add(run);
  }

  @Test
  void p99IsAlsoGivenAsTheFirstServersMinusTheOthers() {
    run("java", 0, 2.0);
    run("java-memory", 0, 1.6);
    runs.get(0).addProperty("latency_p99_us", 5_000.0);
    runs.get(1).addProperty("latency_p99_us", 3_500.0);
    List<String> servers = List.of("java", "java-memory");

    JsonObject ratios = new ServerRatios(new MedianTable(runs, servers), servers).toJson()
        .getAsJsonObject("fanout-100-single").getAsJsonObject("java/java-memory");

    assertEquals(1.25, ratios.get("server_cpu_us_per_delivery").getAsDouble(), 1e-9);
    assertEquals(1_500.0, ratios.get("latency_p99_us_difference").getAsDouble(), 1e-9);
  }

  @Test
  void theFirstServerOverEachOtherOfTheMediansAndRunByRun() {
    run("java", 0, 2.0);
    run("node", 0, 10.0);
    run("ws", 0, 4.0);
    run("java", 1, 3.0);
    run("node", 1, 12.0);
    run("ws", 1, 5.0);
    run("java", 2, 1.0);
    run("node", 2, 8.0);
    run("ws", 2, 8.0);
    List<String> servers = List.of("java", "node", "ws");

    JsonObject ratios = new ServerRatios(new MedianTable(runs, servers), servers).toJson()
        .getAsJsonObject("fanout-100-single");

    JsonObject javaNode = ratios.getAsJsonObject("java/node");
    assertEquals(0.2, javaNode.get("server_cpu_us_per_delivery").getAsDouble(), 1e-9, "medians 2 / 10");
    assertEquals(List.of(0.2, 0.25, 0.125), doubles(javaNode.getAsJsonArray("paired_server_cpu_us_per_delivery")));
    assertEquals(0.4, ratios.getAsJsonObject("java/ws").get("server_cpu_us_per_delivery").getAsDouble(), 1e-9,
        "medians 2 / 5");
    assertFalse(javaNode.has("latency_p99_us"), "no run measured it, so no ratio");
  }

  private static List<Double> doubles(JsonArray array) {
    List<Double> values = new ArrayList<>();
    array.forEach(value -> values.add(value.getAsDouble()));
    return values;
  }
}
