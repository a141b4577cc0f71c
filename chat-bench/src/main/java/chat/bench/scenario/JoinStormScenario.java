package chat.bench.scenario;

import chat.bench.probe.ServerProbe;
import chat.bench.report.RunReport;

/**
 * N connected users join one room one after another (each join sent when the previous one is acked); the
 * storm ends when every user's latest roomData lists exactly all N. Every user must also have seen one
 * "has joined!" notice per later joiner.
 */
final class JoinStormScenario {
  private final BenchOptions options;
  private final Fleet fleet;
  private final ServerProbe probe;
  private final RunReport report;

  JoinStormScenario(BenchOptions options, Fleet fleet, ServerProbe probe, RunReport report) {
    this.options = options;
    this.fleet = fleet;
    this.probe = probe;
    this.report = report;
  }

  void run() {
    long connect = fleet.connectAll(options.timeoutMillis());
    report.put("connect_s", connect / 1e9);
    if (!fleet.failures().isEmpty()) {
      return;
    }
    Window window = Window.start(probe);
    fleet.joinAll(1, options.timeoutMillis());
    window.stop();
    long n = options.clients();
    long expectedNotices = n * (n - 1) / 2;
    fleet.await(() -> fleet.joinNotices() >= expectedNotices, options.timeoutMillis(), "join notices");
    long roomData = fleet.onLoop(fleet::roomDataFrames);
    long notices = fleet.joinNotices();
    report.put("joinstorm_s", window.wallSeconds());
    report.put("roomdata_frames_received", roomData).put("roomdata_frames_naive", n * (n + 1) / 2);
    report.put("join_notices_expected", expectedNotices).put("join_notices_received", notices);
    window.report(report, roomData + notices);
    ServerMemory.report(probe, report, options.clients());
    if (notices != expectedNotices) {
      report.fail("received " + notices + " of " + expectedNotices + " 'has joined!' notices");
    }
  }
}
