package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    server = ChatServer.start(ServerConfig.parse(
        new String[] {"--port", "0", "--rate-limit", "0", "--store", "memory"}, Map.of()));
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
  void oneAckPacedSenderPerRoomReachesEveryMember() {
    RunReport report = run("--scenario", "rooms", "--clients", "60", "--rooms", "6", "--senders", "1",
        "--messages", "20");

    assertEquals(List.of(), report.failures());
    assertEquals(1_200L, report.get("deliveries_received"));
    assertEquals(0L, report.get("deliveries_lost"));
  }

  @Test
  void fixedRateTrafficKeepsItsScheduleAndDeliversEverything() {
    RunReport report = run("--scenario", "rooms", "--clients", "60", "--rooms", "6", "--senders", "1",
        "--messages", "25", "--rate", "300", "--warmup", "5");

    assertEquals(List.of(), report.failures());
    assertEquals(1_500L, report.get("deliveries_received"));
    assertEquals(150L, report.get("acks_received"));
    assertEquals(50.0, (double) report.get("rate_per_sender_per_s"), 1e-9);
    double schedule = (double) report.get("rate_schedule_s");
    assertEquals(149 / 300.0, schedule, 1e-6);
    assertTrue((double) report.get("window_s") >= schedule, "open loop: the last send waits for its time");
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

  @Test
  void ingestStepsAckEveryMessageWithAnIdAndDeliverItOnce() {
    RunReport report = run("--scenario", "ingest", "--clients", "40", "--rooms", "4", "--rates", "400",
        "--step-seconds", "1", "--warmup", "2");

    assertEquals(List.of(), report.failures());
    assertTrue(report.get("ingest_400_persisted_per_s") instanceof Double, report.table());
  }

  @Test
  void reconnectStormRecoversEveryMissedMessageOnceAndSilently() {
    RunReport report = run("--scenario", "reconnect", "--clients", "30", "--rooms", "3", "--messages", "12",
        "--warmup", "1");

    assertEquals(List.of(), report.failures());
    assertEquals(30L, report.get("resumed_clients"));
    assertEquals(120L, report.get("history_messages_received"), "each of 10 per room gets its room's 4 posts");
  }

  private RunReport run(String... flags) {
    String[] all = new String[flags.length + 2];
    System.arraycopy(flags, 0, all, 0, flags.length);
    all[flags.length] = "--timeout";
    all[flags.length + 1] = "15";
    return BenchRun.run(BenchOptions.parse(all).against("127.0.0.1", server.wsPort()));
  }
}
