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
  void redisIsMeasuredByItsPortAndPidTogether() {
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(new String[] {"--redis-port", "6390"}));
  }
}
