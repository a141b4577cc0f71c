package chat.bench.scenario;

import chat.bench.probe.DatabaseFiles;
import chat.bench.probe.Pause;
import chat.bench.probe.ServerProbe;
import chat.bench.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Database size per message: N users in R rooms, the first S of each room posting M benchmark texts each
 * (ack-paced, W in flight, with clientIds as protocol v2 clients send), into a server with the SQLite store;
 * the server's {@code chat.db} and its log are measured after a checkpoint before and after, and the growth is
 * scaled to bytes per million messages. Keep each room's messages under the server's {@code --history-limit}
 * (default 10,000), or pruning deletes some of them.
 */
final class DbSizeScenario {
  private static final long SETTLE_MILLIS = 300;
  private static final double MILLION = 1e6;

  private final BenchOptions options;
  private final Fleet fleet;
  private final ServerProbe probe;
  private final RunReport report;
  private final Path dataDir;

  DbSizeScenario(BenchOptions options, Fleet fleet, ServerProbe probe, RunReport report) {
    this.options = options;
    this.fleet = fleet;
    this.probe = probe;
    this.report = report;
    this.dataDir = Path.of(options.serverDataDir());
  }

  void run() {
    report.put("rooms", options.rooms()).put("senders_per_room", options.senders())
        .put("messages_per_sender", options.messages()).put("inflight", options.inFlight())
        .put("payload_bytes", options.payload());
    long nanos = fleet.connectAndJoin(options.joinWindow(), options.timeoutMillis());
    if (nanos < 0) {
      return;
    }
    report.put("connect_join_s", nanos / 1e9);
    try {
      DatabaseFiles before = DatabaseFiles.checkpointAndMeasure(dataDir);
      FanoutTraffic traffic = post();
      DatabaseFiles unchecked = DatabaseFiles.measure(dataDir);
      DatabaseFiles after = DatabaseFiles.checkpointAndMeasure(dataDir);
      reportSizes(traffic, before, unchecked, after);
    } catch (IOException | SQLException e) {
      report.fail("could not measure the database in " + dataDir + ": " + e.getMessage());
    }
  }

  private FanoutTraffic post() {
    FanoutTraffic traffic = fleet.onLoop(() -> new FanoutTraffic(fleet, options.senders(), options.messages(),
        options.inFlight(), BenchText.withClientIds(fleet.adapter(), options.payload())));
    fleet.traffic(traffic);
    Window window = Window.start(probe);
    fleet.loop().execute(traffic::start);
    fleet.await(() -> traffic.deliveries.delivered >= traffic.deliveries.expected, options.timeoutMillis(), "posts");
    window.stop();
    Pause.millis(SETTLE_MILLIS);
    fleet.onLoop(() -> {
      DeliveryCheck.check(report, traffic.acksWithoutId == 0, traffic.acksWithoutId
          + " acks without an id (not stored)");
      return DeliveryCheck.verify(traffic.deliveries, traffic.refused, "", report);
    });
    window.report(report, traffic.deliveries.delivered);
    report.put("messages_per_s", storedMessages(traffic) / window.wallSeconds());
    return traffic;
  }

  private void reportSizes(FanoutTraffic traffic, DatabaseFiles before, DatabaseFiles unchecked,
      DatabaseFiles after) {
    long messages = storedMessages(traffic);
    long growth = after.totalBytes() - before.totalBytes();
    report.put("messages_stored", messages)
        .put("db_bytes_before", before.totalBytes())
        .put("db_bytes_after_posting", unchecked.databaseBytes()).put("wal_bytes_after_posting", unchecked.walBytes())
        .put("db_bytes_after_checkpoint", after.databaseBytes()).put("wal_bytes_after_checkpoint", after.walBytes())
        .put("db_bytes_per_message", growth / (double) messages)
        .put("db_bytes_per_million_messages", growth * MILLION / messages);
  }

  /** The messages the senders posted (the members' joined notices are in the "before" size already). */
  private long storedMessages(FanoutTraffic traffic) {
    return traffic.deliveries.expected / fleet.peers()[0].roomSize;
  }
}
