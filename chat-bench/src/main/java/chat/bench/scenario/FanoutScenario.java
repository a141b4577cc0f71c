package chat.bench.scenario;

import chat.bench.probe.Pause;
import chat.bench.probe.RedisProbe;
import chat.bench.probe.ServerProbe;
import chat.bench.report.RunReport;

/**
 * N users in R rooms (R = 1: fanout), the first S of each room sending M messages each: ack-paced, or with
 * {@code --rate} on a fixed schedule ({@link RateTraffic}). Any warm-up is ack-paced and unmeasured. Against a
 * cluster ({@code --nodes}) the users are spread over the nodes, the latency is also split into same-node and
 * cross-node deliveries, and the nodes' Redis is measured with them.
 */
final class FanoutScenario {
  private static final long SETTLE_MILLIS = 300;

  private final BenchOptions options;
  private final Fleet fleet;
  private final ServerProbe probe;
  private final RedisProbe redis;
  private final RunReport report;

  FanoutScenario(BenchOptions options, Fleet fleet, ServerProbe probe, RedisProbe redis, RunReport report) {
    this.options = options;
    this.fleet = fleet;
    this.probe = probe;
    this.redis = redis;
    this.report = report;
  }

  void run() {
    if (options.nodes() > 1) {
      report.put("nodes", options.nodes());
    }
    report.put("rooms", options.rooms()).put("senders_per_room", options.senders())
        .put("messages_per_sender", options.messages()).put("payload_bytes", options.payload());
    if (options.rate() > 0) {
      report.put("rate_offered_per_s", (double) options.rate());
    } else {
      report.put("inflight", options.inFlight());
    }
    if (!connectAndJoin()) {
      return;
    }
    if (options.warmup() > 0) {
      FanoutTraffic warmup = exchange(options.warmup(), "warm-up");
      settle();
      fleet.onLoop(() -> verify(warmup.deliveries, warmup.refused, "warm-up: "));
    }
    report.put("warmup_messages_per_sender", options.warmup());
    report.put("server_idle_wait_s", probe.awaitIdle(options.timeoutMillis()));
    if (options.rate() > 0) {
      measureAtRate();
    } else {
      measureAckPaced();
    }
    ServerMemory.report(probe, report, options.clients());
  }

  private boolean connectAndJoin() {
    long nanos = fleet.connectAndJoin(options.joinWindow(), options.timeoutMillis());
    if (nanos >= 0) {
      report.put("connect_join_s", nanos / 1e9);
    }
    return nanos >= 0;
  }

  private void measureAckPaced() {
    Window window = Window.start(probe, redis);
    FanoutTraffic traffic = exchange(options.messages(), "traffic");
    window.stop();
    settle();
    fleet.onLoop(() -> {
      reportDeliveries(traffic.deliveries, window);
      return verify(traffic.deliveries, traffic.refused, "");
    });
  }

  /** Sends {@code messages} per sender, ack-paced, and waits until all are delivered (or the timeout). */
  private FanoutTraffic exchange(int messages, String phase) {
    FanoutTraffic traffic = fleet.onLoop(() -> new FanoutTraffic(fleet, options.senders(), messages,
        options.inFlight(), new BenchText(fleet.adapter(), options.payload())));
    fleet.traffic(traffic);
    fleet.loop().execute(traffic::start);
    fleet.await(() -> traffic.deliveries.delivered >= traffic.deliveries.expected, options.timeoutMillis(), phase);
    return traffic;
  }

  /** The window runs from the first scheduled send until the last delivery (or the timeout after the schedule). */
  private void measureAtRate() {
    RateTraffic traffic = fleet.onLoop(() -> new RateTraffic(fleet, options.senders(), options.messages(),
        options.rate(), options.payload()));
    fleet.traffic(traffic);
    long scheduleMillis = traffic.total() * 1000 / options.rate();
    Deliveries deliveries = traffic.deliveries;
    Window window = Window.start(probe, redis);
    fleet.loop().execute(traffic::start);
    fleet.await(() -> deliveries.delivered >= deliveries.expected, scheduleMillis + options.timeoutMillis(),
        "fixed-rate traffic");
    window.stop();
    settle();
    fleet.onLoop(() -> {
      reportDeliveries(deliveries, window);
      reportRate(traffic);
      check(traffic.acks == traffic.total(), traffic.acks + " acks for " + traffic.total() + " messages");
      return verify(deliveries, traffic.refused, "");
    });
  }

  private void reportRate(RateTraffic traffic) {
    report.put("rate_per_sender_per_s", traffic.perSenderRate())
        .put("rate_schedule_s", traffic.scheduleSeconds()).put("acks_received", traffic.acks)
        .put("send_lag_p50_us", traffic.sendLag.percentile(0.50) / 1e3)
        .put("send_lag_p99_us", traffic.sendLag.percentile(0.99) / 1e3)
        .put("send_lag_max_us", traffic.sendLag.max() / 1e3);
  }

  private void reportDeliveries(Deliveries deliveries, Window window) {
    long delivered = deliveries.delivered;
    report.put("deliveries_expected", deliveries.expected).put("deliveries_received", delivered)
        .put("deliveries_lost", Math.max(0, deliveries.expected - delivered));
    window.report(report, delivered);
    window.reportPerMessage(report, deliveries.messagesSent);
    if (options.nodes() > 1) {
      deliveries.byNode.report(report);
    }
    LatencyHistogram latency = deliveries.latency;
    report.put("latency_p50_us", latency.percentile(0.50) / 1e3)
        .put("latency_p90_us", latency.percentile(0.90) / 1e3)
        .put("latency_p99_us", latency.percentile(0.99) / 1e3)
        .put("latency_max_us", latency.max() / 1e3);
  }

  private RunReport verify(Deliveries deliveries, long refused, String phase) {
    return DeliveryCheck.verify(deliveries, refused, phase, report);
  }

  private void check(boolean ok, String failure) {
    DeliveryCheck.check(report, ok, failure);
  }

  /** Late duplicates would arrive after the last expected delivery; give them a moment to show up. */
  private static void settle() {
    Pause.millis(SETTLE_MILLIS);
  }
}
