package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.bench.report.RunReport;
import chat.bench.scenario.BenchOptions;
import chat.bench.scenario.BenchRun;
import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A short run of the load generator against the real server: what CI runs instead of the benchmarks. */
class BenchSmokeTest {
  private ChatServer server;

  @BeforeEach
  void startServer() {
    server = ChatServer.start(ServerConfig.parse(new String[] {"--port", "0", "--rate-limit", "0"}, Map.of()));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void fanoutDeliversEveryMessageOnceAndInOrder() {
    RunReport report = run("--scenario", "fanout", "--clients", "50", "--senders", "5", "--messages", "20");

    assertEquals(List.of(), report.failures());
    assertEquals(5_000L, report.get("deliveries_received"));
  }

  @Test
  void everyRoomGetsOnlyItsOwnMessages() {
    RunReport report = run("--scenario", "rooms", "--clients", "60", "--rooms", "6", "--senders", "2",
        "--messages", "10", "--inflight", "3");

    assertEquals(List.of(), report.failures());
    assertEquals(1_200L, report.get("deliveries_received"));
  }

  @Test
  void joinStormEndsWithEveryUserSeeingTheWholeRoom() {
    RunReport report = run("--scenario", "joinstorm", "--clients", "40");

    assertEquals(List.of(), report.failures());
    assertEquals(780L, report.get("join_notices_received"));
  }

  @Test
  void warmUpStormsUseTheirOwnUsersAndRooms() {
    RunReport report = run("--scenario", "joinstorm", "--clients", "40", "--warmup", "2");

    assertEquals(List.of(), report.failures());
    assertEquals(2L, report.get("warmup_storms"));
    assertEquals(780L, report.get("join_notices_received"), "the warm-up's users are not in the measured room");
  }

  private RunReport run(String... flags) {
    String[] all = new String[flags.length + 2];
    System.arraycopy(flags, 0, all, 0, flags.length);
    all[flags.length] = "--timeout";
    all[flags.length + 1] = "15";
    return BenchRun.run(BenchOptions.parse(all).against("127.0.0.1", server.wsPort()));
  }
}
