package chat.bench.scenario;

import chat.bench.probe.IoCounters;
import chat.bench.report.RunReport;
import java.util.List;

/**
 * What one step of the ingest ramp measured. Sustained: every message acked with an id, the acks kept up with
 * the offered rate (at least 95 % of it, from the first due time to the last ack) and p99 ack latency stayed
 * within the limit, without a failed check.
 */
record IngestStep(double offeredPerSecond, long messages, double spanSeconds, double persistedPerSecond,
    double ackP50Micros, double ackP99Micros, double ackMaxMicros, double sendLagP99Micros,
    double serverCpuMicrosPerMessage, double serverKernelShare, double writesPerMessage,
    double writtenBytesPerMessage, double generatorCpuShare, boolean complete, boolean sustained) {

  /** Below this share of the offered rate the server (or the generator) did not keep up. */
  static final double KEPT_UP_SHARE = 0.95;

  static IngestStep of(IngestTraffic traffic, Window window, double ackP99LimitMicros, boolean checksPassed) {
    double span = traffic.spanSeconds();
    double persisted = span > 0 ? (traffic.acks - traffic.refused - traffic.acksWithoutId) / span : 0;
    double p99 = traffic.ackLatency.percentile(0.99) / 1e3;
    boolean complete = traffic.done();
    boolean keptUp = persisted >= KEPT_UP_SHARE * traffic.rate();
    double cpu = window.serverCpuSeconds();
    IoCounters io = window.serverIo();
    long messages = traffic.total();
    return new IngestStep(traffic.rate(), messages, span, persisted,
        traffic.ackLatency.percentile(0.50) / 1e3, p99, traffic.ackLatency.max() / 1e3,
        traffic.sendLag.percentile(0.99) / 1e3, cpu < 0 ? -1 : cpu * 1e6 / messages, window.serverKernelShare(),
        io.known() ? io.syscw() / (double) messages : -1, io.known() ? io.wchar() / (double) messages : -1,
        window.generatorCpuShare(), complete, complete && checksPassed && keptUp && p99 <= ackP99LimitMicros);
  }

  /** Its figures as {@code ingest_<rate>_…} fields, so that runs of the same ramp line up field by field. */
  void report(RunReport report) {
    String prefix = "ingest_" + Math.round(offeredPerSecond) + "_";
    report.put(prefix + "persisted_per_s", persistedPerSecond).put(prefix + "ack_p50_us", ackP50Micros)
        .put(prefix + "ack_p99_us", ackP99Micros).put(prefix + "ack_max_us", ackMaxMicros)
        .put(prefix + "send_lag_p99_us", sendLagP99Micros)
        .put(prefix + "server_cpu_us_per_message", serverCpuMicrosPerMessage)
        .put(prefix + "server_kernel_share", serverKernelShare)
        .put(prefix + "server_writes_per_message", writesPerMessage)
        .put(prefix + "server_write_bytes_per_message", writtenBytesPerMessage)
        .put(prefix + "generator_cpu_share", generatorCpuShare).put(prefix + "sustained", sustained);
  }

  /** The ramp's outcome: the highest sustained step's figures, and the most any step persisted. */
  static void reportRamp(List<IngestStep> steps, RunReport report) {
    IngestStep best = null;
    double peak = 0;
    for (IngestStep step : steps) {
      peak = Math.max(peak, step.persistedPerSecond);
      if (step.sustained && (best == null || step.offeredPerSecond > best.offeredPerSecond)) {
        best = step;
      }
    }
    report.put("ingest_peak_persisted_per_s", peak);
    report.put("ingest_max_sustained_per_s", best == null ? 0.0 : best.offeredPerSecond);
    if (best != null) {
      report.put("persisted_per_s", best.persistedPerSecond).put("ack_latency_p50_us", best.ackP50Micros)
          .put("ack_latency_p99_us", best.ackP99Micros).put("ack_latency_max_us", best.ackMaxMicros)
          .put("server_cpu_us_per_message", best.serverCpuMicrosPerMessage);
    }
  }
}
