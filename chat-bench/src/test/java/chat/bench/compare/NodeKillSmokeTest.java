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
 * The node kill for real, small, as the comparison starts it: a fresh redis-server and two Java server nodes
 * on it, the generator in this JVM killing the second node mid-run. Needs redis-server and
 * chat-server/target/chat-server.jar ({@code ./mvnw -pl chat-server package}); fails without them. About 20 s:
 * the run waits 12 s past the kill for the survivor to declare the dead node dead.
 */
class NodeKillSmokeTest {
  /** Tests run in the module's directory. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path logs;

  @Test
  void theKilledNodesUsersResumeOnTheOtherAndEveryTextArrivesOnceInOrder() throws IOException {
    assertTrue(Files.isRegularFile(ROOT.resolve("chat-server/target/chat-server.jar")),
        "run `./mvnw -pl chat-server package -DskipTests` first");
    try (Cluster cluster = Cluster.start(ServerKind.JAVA, 2, ROOT, logs, "nodekill")) {
      List<String> flags = new ArrayList<>(List.of("--scenario", "nodekill", "--clients", "20", "--rooms", "2",
          "--senders", "1", "--messages", "40", "--rate", "40", "--kill-after", "1", "--nodes", "2",
          "--join-window", "1", "--timeout", "20"));
      flags.addAll(cluster.generatorFlags());

      RunReport report = BenchRun.run(BenchOptions.parse(flags.toArray(String[]::new)));

      assertEquals(List.of(), report.failures(), report.table());
      assertEquals(10L, report.get("users_on_killed_node"), "every other member of each room");
      assertEquals(10L, report.get("resumed_clients"));
      assertEquals(80L, report.get("messages_acked"), "2 rooms × 40, resends counted once");
      assertEquals(800L, report.get("deliveries_received"), "80 texts × 10 members");
      assertEquals(0L, report.get("deliveries_lost"));
      assertEquals(0L, report.get("deliveries_duplicated"));
    }
  }
}
