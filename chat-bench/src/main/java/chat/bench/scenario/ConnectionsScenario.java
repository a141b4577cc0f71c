package chat.bench.scenario;

import chat.bench.probe.Pause;
import chat.bench.probe.ProcStats;
import chat.bench.probe.ServerProbe;
import chat.bench.report.RunReport;

/** Ramps to N idle joined users over R rooms and measures the server's memory per connection. */
final class ConnectionsScenario {
  private static final long IDLE_MILLIS = 2_000;

  private final BenchOptions options;
  private final Fleet fleet;
  private final ServerProbe probe;
  private final RunReport report;

  ConnectionsScenario(BenchOptions options, Fleet fleet, ServerProbe probe, RunReport report) {
    this.options = options;
    this.fleet = fleet;
    this.probe = probe;
    this.report = report;
  }

  void run() {
    report.put("rooms", options.rooms());
    long heapBefore = probe.heapAfterGcKib();
    long rssBefore = probe.rssKib();
    Window window = Window.start(probe);
    long connect = fleet.connectAll(options.timeoutMillis());
    if (!fleet.failures().isEmpty()) {
      return;
    }
    long join = fleet.joinAll(options.joinWindow(), options.timeoutMillis());
    window.stop();
    report.put("connect_join_s", (connect + join) / 1e9);
    idle();
    long heapAfter = probe.heapAfterGcKib();
    long rssAfter = probe.rssKib();
    int n = options.clients();
    report.put("server_rss_before_kib", rssBefore).put("server_rss_after_kib", rssAfter);
    report.put("server_rss_per_connection_bytes", (rssAfter - rssBefore) * 1024.0 / n);
    report.put("server_heap_before_kib", heapBefore).put("server_heap_after_kib", heapAfter);
    report.put("server_heap_per_connection_bytes", (heapAfter - heapBefore) * 1024.0 / n);
    report.put("server_open_fds", probe.openFds());
    report.put("generator_rss_kib", ProcStats.rssKib("self"));
    window.report(report, 0);
    long stillOpen = fleet.onLoop(() -> countOpen());
    if (stillOpen != n) {
      report.fail((n - stillOpen) + " connections dropped while idle");
    }
  }

  private long countOpen() {
    long open = 0;
    for (Peer peer : fleet.peers()) {
      if (peer.client.isOpen()) {
        open++;
      }
    }
    return open;
  }

  /** The server's per-connection buffers and timers settle after the ramp. */
  private static void idle() {
    Pause.millis(IDLE_MILLIS);
  }
}
