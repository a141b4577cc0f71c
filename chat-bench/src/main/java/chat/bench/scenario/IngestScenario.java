package chat.bench.scenario;

import chat.bench.probe.Pause;
import chat.bench.probe.ServerProbe;
import chat.bench.report.RunReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Sustained ingest: N users in R rooms, every one of them sending, open loop, with clientIds, at each rate of
 * {@code --rates} in turn for {@code --step-seconds}; the ramp stops after the first rate that is not sustained
 * ({@link IngestStep}). Reports every step and the highest sustained rate. A {@code --warmup} of K messages per
 * user at the first rate comes first, checked but not measured. Each step starts on an idle server.
 */
final class IngestScenario {
  private static final long SETTLE_MILLIS = 300;

  private final BenchOptions options;
  private final Fleet fleet;
  private final ServerProbe probe;
  private final RunReport report;

  IngestScenario(BenchOptions options, Fleet fleet, ServerProbe probe, RunReport report) {
    this.options = options;
    this.fleet = fleet;
    this.probe = probe;
    this.report = report;
  }

  void run() {
    report.put("rooms", options.rooms()).put("payload_bytes", options.payload())
        .put("ingest_rates", options.rates().toString()).put("ingest_step_s", options.stepSeconds())
        .put("ack_p99_limit_ms", options.ackP99LimitMillis());
    long nanos = fleet.connectAndJoin(options.joinWindow(), options.timeoutMillis());
    if (nanos < 0) {
      return;
    }
    report.put("connect_join_s", nanos / 1e9);
    if (options.warmup() > 0 && !warmUp()) {
      return;
    }
    report.put("warmup_messages_per_sender", options.warmup());
    List<IngestStep> steps = new ArrayList<>();
    for (int rate : options.rates()) {
      IngestStep step = measure(rate);
      step.report(report);
      steps.add(step);
      if (!step.sustained()) {
        break; // saturated: a faster rate only queues more
      }
    }
    IngestStep.reportRamp(steps, report);
  }

  private boolean warmUp() {
    IngestTraffic warmup = exchange(options.rates().get(0), options.warmup(), "warm-up");
    settle();
    int failuresBefore = report.failures().size();
    fleet.onLoop(() -> verify(warmup, "warm-up: "));
    return report.failures().size() == failuresBefore;
  }

  private IngestStep measure(int rate) {
    report.put("ingest_" + rate + "_idle_wait_s", probe.awaitIdle(options.timeoutMillis()));
    int perSender = (int) Math.max(1, Math.round((double) rate * options.stepSeconds() / fleet.peers().length));
    Window window = Window.start(probe);
    IngestTraffic traffic = exchange(rate, perSender, "ingest at " + rate + "/s");
    window.stop();
    settle();
    int failuresBefore = report.failures().size();
    fleet.onLoop(() -> verify(traffic, "ingest at " + rate + "/s: "));
    double limitMicros = options.ackP99LimitMillis() * 1e3;
    return IngestStep.of(traffic, window, limitMicros, report.failures().size() == failuresBefore);
  }

  /** Runs one step and waits for its last ack and delivery (or the timeout after its schedule). */
  private IngestTraffic exchange(int rate, int perSender, String phase) {
    IngestTraffic traffic = fleet.onLoop(() -> new IngestTraffic(fleet, rate, perSender,
        BenchText.withClientIds(fleet.adapter(), options.payload())));
    fleet.traffic(traffic);
    long scheduleMillis = traffic.total() * 1000 / rate;
    fleet.loop().execute(traffic::start);
    fleet.await(traffic::done, scheduleMillis + options.timeoutMillis(), phase);
    return traffic;
  }

  private RunReport verify(IngestTraffic traffic, String phase) {
    DeliveryCheck.check(report, traffic.acks == traffic.total(), phase + traffic.acks + " acks for "
        + traffic.total() + " messages");
    DeliveryCheck.check(report, traffic.acksWithoutId == 0, phase + traffic.acksWithoutId
        + " acks without an id (not stored)");
    DeliveryCheck.check(report, traffic.repeatedIds == 0, phase + traffic.repeatedIds
        + " acks with an id the room had given already");
    return DeliveryCheck.verify(traffic.deliveries, traffic.refused, phase, report);
  }

  /** Late duplicates would arrive after the last expected delivery; give them a moment to show up. */
  private static void settle() {
    Pause.millis(SETTLE_MILLIS);
  }
}
