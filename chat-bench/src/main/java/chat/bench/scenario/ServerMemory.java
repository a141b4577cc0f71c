package chat.bench.scenario;

import chat.bench.probe.ServerProbe;
import chat.bench.report.RunReport;

/** The server's memory at the end of a run, whole and per client (not a delta: see the connections scenario). */
final class ServerMemory {
  private ServerMemory() {}

  static void report(ServerProbe probe, RunReport report, int clients) {
    if (!probe.present()) {
      return;
    }
    long heap = probe.heapAfterGcKib();
    long rss = probe.rssKib();
    report.put("server_heap_after_gc_kib", heap).put("server_rss_kib", rss);
    report.put("server_rss_per_client_bytes", rss * 1024.0 / clients);
  }
}
