package chat.bench.scenario;

import chat.bench.probe.Pause;
import chat.bench.probe.ServerProbe;
import chat.bench.report.RunReport;

/** N users in R rooms (R = 1: fanout), the first S of each room sending M messages each, ack-paced. */
final class FanoutScenario {
  private static final long SETTLE_MILLIS = 300;

  private final BenchOptions options;
  private final Fleet fleet;
  private final ServerProbe probe;
  private final RunReport report;

  FanoutScenario(BenchOptions options, Fleet fleet, ServerProbe probe, RunReport report) {
    this.options = options;
    this.fleet = fleet;
    this.probe = probe;
    this.report = report;
  }

  void run() {
    report.put("rooms", options.rooms()).put("senders_per_room", options.senders())
        .put("messages_per_sender", options.messages()).put("inflight", options.inFlight())
        .put("payload_bytes", options.payload());
    long connect = fleet.connectAll(options.timeoutMillis());
    if (!fleet.failures().isEmpty()) {
      return;
    }
    long join = fleet.joinAll(options.joinWindow(), options.timeoutMillis());
    report.put("connect_join_s", (connect + join) / 1e9);
    if (!fleet.failures().isEmpty()) {
      return;
    }
    if (options.warmup() > 0) {
      FanoutTraffic warmup = exchange(options.warmup(), "warm-up");
      settle();
      fleet.onLoop(() -> verify(warmup, "warm-up: "));
      report.put("warmup_messages_per_sender", options.warmup());
    }
    report.put("server_idle_wait_s", probe.awaitIdle(options.timeoutMillis()));
    Window window = Window.start(probe);
    FanoutTraffic traffic = exchange(options.messages(), "traffic");
    window.stop();
    settle();
    fleet.onLoop(() -> report(traffic, window));
    ServerMemory.report(probe, report, options.clients());
  }

  /** Sends {@code messages} per sender and waits until all are delivered (or the timeout). */
  private FanoutTraffic exchange(int messages, String phase) {
    FanoutTraffic traffic = fleet.onLoop(() -> new FanoutTraffic(fleet, options.senders(), messages,
        options.inFlight(), options.payload()));
    fleet.traffic(traffic);
    fleet.loop().execute(traffic::start);
    fleet.await(() -> traffic.delivered >= traffic.expected, options.timeoutMillis(), phase);
    return traffic;
  }

  private RunReport report(FanoutTraffic traffic, Window window) {
    long delivered = traffic.delivered;
    report.put("deliveries_expected", traffic.expected).put("deliveries_received", delivered);
    window.report(report, delivered);
    report.put("latency_p50_us", traffic.latency.percentile(0.50) / 1e3)
        .put("latency_p90_us", traffic.latency.percentile(0.90) / 1e3)
        .put("latency_p99_us", traffic.latency.percentile(0.99) / 1e3)
        .put("latency_max_us", traffic.latency.max() / 1e3);
    return verify(traffic, "");
  }

  private RunReport verify(FanoutTraffic traffic, String phase) {
    long delivered = traffic.delivered;
    check(delivered == traffic.expected, phase + "received " + delivered + " of " + traffic.expected
        + " deliveries");
    check(traffic.duplicates == 0, phase + traffic.duplicates + " duplicate deliveries");
    check(traffic.gaps == 0, phase + traffic.gaps + " deliveries out of order or after a lost one");
    check(traffic.foreign == 0, phase + traffic.foreign + " deliveries from another room");
    check(traffic.refused == 0, phase + traffic.refused + " messages refused by the server");
    long incomplete = traffic.incompleteStreams();
    check(incomplete == 0, phase + incomplete + " receiver/sender streams missing their last message");
    return report;
  }

  private void check(boolean ok, String failure) {
    if (!ok) {
      report.fail(failure);
    }
  }

  /** Late duplicates would arrive after the last expected delivery; give them a moment to show up. */
  private static void settle() {
    Pause.millis(SETTLE_MILLIS);
  }
}
