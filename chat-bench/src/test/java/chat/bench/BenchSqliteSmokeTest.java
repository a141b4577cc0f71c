package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.bench.report.RunReport;
import chat.bench.scenario.BenchOptions;
import chat.bench.scenario.BenchRun;
import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol v2 scenarios against the server with its default store, SQLite, in a fresh data directory. */
class BenchSqliteSmokeTest {
  @TempDir
  Path dataDir;
  private ChatServer server;

  @BeforeEach
  void startServer() {
    server = ChatServer.start(ServerConfig.parse(new String[] {"--port", "0", "--rate-limit", "0", "--store",
        "sqlite", "--data-dir", dataDir.toString()}, Map.of()));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void ingestStepsAckEveryMessageWithAnIdAndDeliverItOnce() {
    RunReport report = run("--scenario", "ingest", "--clients", "40", "--rooms", "4", "--rates", "300",
        "--step-seconds", "1");

    assertEquals(List.of(), report.failures());
    assertTrue(report.get("ingest_300_persisted_per_s") instanceof Double, report.table());
  }

  @Test
  void reconnectStormRecoversEveryMissedMessageOnceAndSilently() {
    RunReport report = run("--scenario", "reconnect", "--clients", "30", "--rooms", "3", "--messages", "12",
        "--warmup", "1");

    assertEquals(List.of(), report.failures());
    assertEquals(30L, report.get("resumed_clients"));
    assertEquals(120L, report.get("history_messages_received"), "each of 10 per room gets its room's 4 posts");
  }

  @Test
  void databaseSizeIsMeasuredOverTheStoredMessages() {
    RunReport report = run("--scenario", "dbsize", "--clients", "20", "--rooms", "10", "--senders", "1",
        "--messages", "100", "--inflight", "4", "--server-data-dir", dataDir.toString());

    assertEquals(List.of(), report.failures());
    assertEquals(1_000L, report.get("messages_stored"));
    assertEquals(0L, report.get("wal_bytes_after_checkpoint"));
    assertTrue((double) report.get("db_bytes_per_message") > 0, report.table());
  }

  private RunReport run(String... flags) {
    String[] all = new String[flags.length + 2];
    System.arraycopy(flags, 0, all, 0, flags.length);
    all[flags.length] = "--timeout";
    all[flags.length + 1] = "15";
    return BenchRun.run(BenchOptions.parse(all).against("127.0.0.1", server.wsPort()));
  }
}
