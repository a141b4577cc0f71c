package chat.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void aClusterRunTakesOnePortPidAndHttpPortPerNode() {
    BenchOptions options = BenchOptions.parse(new String[] {"--scenario", "rooms", "--nodes", "2", "--port",
        "4001,4003", "--server-pid", "11,12", "--server-http-port", "4000,4002", "--redis-port", "6390",
        "--redis-pid", "13"});

    assertEquals(List.of(4001, 4003), options.ports());
    assertEquals(List.of(4000, 4002), options.serverHttpPorts());
    assertEquals("11,12", options.serverPid());
    assertEquals(6390, options.redisPort());
  }

  @Test
  void theNodesAndThePortsMustAgree() {
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(new String[] {"--scenario", "rooms", "--nodes", "2", "--port", "4001"}));
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(new String[] {"--scenario", "rooms", "--port", "4001,4003"}));
  }

  @Test
  void onlyTheMessageScenariosRunOnACluster() {
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(new String[] {"--scenario", "joinstorm", "--nodes", "2", "--port", "1,2"}));
  }

  @Test
  void aNodeKillKillsTheLastNodeAfterFiveSecondsUnlessToldOtherwise() {
    BenchOptions byDefault = BenchOptions.parse(nodeKill());
    BenchOptions told = BenchOptions.parse(nodeKill("--kill-node", "1", "--kill-after", "3"));

    assertEquals(2, byDefault.killNode());
    assertEquals(5, byDefault.killAfterSeconds());
    assertEquals(1, told.killNode());
    assertEquals(3, told.killAfterSeconds());
  }

  @Test
  void aNodeKillNeedsANodeOfTheClusterARateAndEveryNodesPid() {
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(nodeKill("--kill-node", "3")));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(nodeKill("--kill-after", "0")));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(nodeKill("--server-pid", "11")));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(nodeKill("--rate", "0")));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(nodeKill("--protocol", "socketio")));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--scenario", "nodekill",
        "--rate", "100", "--server-pid", "11"}), "one node is no cluster");
  }

  /** A valid node kill's flags, then {@code more} (a later flag replaces an earlier one). */
  private static String[] nodeKill(String... more) {
    List<String> flags = new java.util.ArrayList<>(List.of("--scenario", "nodekill", "--nodes", "2", "--port",
        "4001,4003", "--server-pid", "11,12", "--rate", "100", "--clients", "20", "--rooms", "2"));
    flags.addAll(List.of(more));
    return flags.toArray(String[]::new);
  }

  @Test
  void redisIsMeasuredByItsPortAndPidTogether() {
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(new String[] {"--redis-port", "6390"}));
  }
}
