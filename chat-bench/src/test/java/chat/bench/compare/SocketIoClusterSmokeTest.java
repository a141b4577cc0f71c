package chat.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.bench.report.RunReport;
import chat.bench.scenario.BenchOptions;
import chat.bench.scenario.BenchRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small cluster run for real, as the comparison starts it: a fresh redis-server and two socket.io cluster nodes
 * on it, the generator in this JVM. Needs redis-server, node, and {@code npm ci --prefix
 * chat-bench/socketio-cluster}; fails without them.
 */
class SocketIoClusterSmokeTest {
  /** Tests run in the module's directory. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path logs;

  @Test
  void roomsSpreadOverTwoNodesGetEveryMessageOnceInOrderThroughOnePublishEach() throws IOException {
    assertTrue(Files.isDirectory(ROOT.resolve(ServerKind.NODE.clusterDirectory).resolve("node_modules")),
        "run `npm ci --prefix " + ServerKind.NODE.clusterDirectory + "` first");
    try (Cluster cluster = Cluster.start(ServerKind.NODE, 2, ROOT, logs, "smoke")) {
      List<String> flags = new ArrayList<>(List.of("--scenario", "rooms", "--clients", "40", "--rooms", "4",
          "--senders", "2", "--messages", "20", "--warmup", "5", "--nodes", "2", "--join-window", "1",
          "--protocol", "socketio", "--server-kind", "node", "--timeout", "15"));
      flags.addAll(cluster.generatorFlags());

      RunReport report = BenchRun.run(BenchOptions.parse(flags.toArray(String[]::new)));

      assertEquals(List.of(), report.failures(), report.table());
      assertEquals(1_600L, report.get("deliveries_received"), "4 rooms × 2 senders × 20 messages × 10 members");
      assertEquals(800L, report.get("cross_node_deliveries"), "half of each room is on the other node");
      assertEquals(1.0, (double) report.get("redis_commands_per_message"), 0.05, "one PUBLISH a message");
      assertTrue((double) report.get("redis_cpu_s") >= 0, report.table());
    }
  }
}
