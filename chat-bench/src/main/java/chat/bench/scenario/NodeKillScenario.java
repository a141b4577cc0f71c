package chat.bench.scenario;

import chat.bench.probe.Pause;
import chat.bench.probe.ServerProbe;
import chat.bench.report.RunReport;

/**
 * Issue 14's "a node killed mid-run loses nothing acked": N users in R rooms on a cluster, a room's members
 * alternating over the nodes, the first S of each room sending M texts each at a fixed rate over all of them
 * ({@link NodeKillTraffic}); --kill-after seconds in, the --kill-node-th node gets SIGKILL ({@link NodeKill}).
 * Its users, senders among them, move to the next node and resume there with since, epoch and token
 * ({@link KilledNodeResumes}); its senders then resend what it never acked with the same clientId, then what
 * came due while they were away. The run waits until every message is acked and delivered, and at least until
 * the survivors must have declared the dead node dead (its heartbeat's TTL and a sweep), so that a "has left!"
 * for a seat the cluster should have held would show. Checks: every text reached every member of its room
 * exactly once and in order, live or in a resume history, none lost, none repeated; every id a user sees is
 * higher than the last; the resumes were taken, recovered:true, silent. Measured: from the kill until the last
 * of its users had resumed, and each one's time from the kill; the messages unacked at the kill (reported,
 * not lost: they are resent). No warm-up, no CPU figures: the dead node's counters are gone.
 */
final class NodeKillScenario {
  /** Decision 0016: survivors notice a dead node within 10 s (6 s heartbeat TTLs); a little more for the sweep. */
  private static final long SURVIVORS_NOTICE_MILLIS = 12_000;
  private static final long SETTLE_MILLIS = 300;

  private final BenchOptions options;
  private final Fleet fleet;
  private final ServerProbe probe;
  private final RunReport report;

  NodeKillScenario(BenchOptions options, Fleet fleet, ServerProbe probe, RunReport report) {
    this.options = options;
    this.fleet = fleet;
    this.probe = probe;
    this.report = report;
  }

  void run() {
    report.put("nodes", options.nodes()).put("rooms", options.rooms()).put("senders_per_room", options.senders())
        .put("messages_per_sender", options.messages()).put("payload_bytes", options.payload())
        .put("rate_offered_per_s", (double) options.rate()).put("kill_node", options.killNode())
        .put("kill_after_s", options.killAfterSeconds());
    NodeKillTraffic traffic = fleet.onLoop(() -> new NodeKillTraffic(fleet, options.senders(), options.messages(),
        options.rate(), options.payload()));
    fleet.traffic(traffic); // before the joins: their histories give every user its epoch
    long nanos = fleet.connectAndJoin(options.joinWindow(), options.timeoutMillis());
    if (nanos < 0) {
      return;
    }
    report.put("connect_join_s", nanos / 1e9);
    report.put("server_idle_wait_s", probe.awaitIdle(options.timeoutMillis()));
    long start = System.nanoTime();
    fleet.loop().execute(traffic::start);
    long killNanos = killMidRun(traffic, start);
    if (killNanos < 0) {
      return;
    }
    awaitTheEnd(traffic, start, killNanos);
    fleet.onLoop(() -> verify(traffic));
  }

  /** Kills the node once --kill-after has passed; the nanoTime of the kill, or -1 when it failed. */
  private long killMidRun(NodeKillTraffic traffic, long start) {
    pauseUntil(start + options.killAfterSeconds() * 1_000_000_000L);
    int killed = options.killNode() - 1;
    int survivor = (killed + 1) % options.nodes();
    long killNanos = fleet.onLoop(() -> {
      long now = System.nanoTime();
      traffic.resumes.killing(killed, survivor, now);
      return now;
    });
    long pid = Long.parseLong(options.serverPid().split(",")[killed].trim());
    if (!NodeKill.kill(pid, options.timeoutMillis())) {
      report.fail("could not kill node " + options.killNode() + " (pid " + pid + ")");
      return -1;
    }
    return killNanos;
  }

  private void awaitTheEnd(NodeKillTraffic traffic, long start, long killNanos) {
    KilledNodeResumes resumes = traffic.resumes;
    fleet.await(() -> resumes.resumed >= resumes.onKilledNode, options.timeoutMillis(), "resume on the survivor");
    long scheduleMillis = traffic.total() * 1000 / options.rate();
    long deadline = Math.max(start / 1_000_000 + scheduleMillis, killNanos / 1_000_000) + options.timeoutMillis();
    Deliveries deliveries = traffic.deliveries;
    fleet.await(() -> traffic.acked >= traffic.total() && deliveries.delivered >= deliveries.expected,
        Math.max(0, deadline - System.nanoTime() / 1_000_000), "acks and deliveries");
    long noticed = killNanos + SURVIVORS_NOTICE_MILLIS * 1_000_000;
    pauseUntil(Math.max(noticed, System.nanoTime() + SETTLE_MILLIS * 1_000_000));
  }

  private RunReport verify(NodeKillTraffic traffic) {
    Deliveries deliveries = traffic.deliveries;
    traffic.resumes.report(report);
    report.put("rate_schedule_s", traffic.scheduleSeconds()).put("rate_per_sender_per_s", traffic.perSenderRate())
        .put("messages_sent", traffic.total()).put("messages_acked", traffic.acked)
        .put("unacked_at_kill", traffic.unackedAtKill()).put("resent_after_resume", traffic.resent())
        .put("resent_already_stored", traffic.resentAlreadyStored)
        .put("deliveries_expected", deliveries.expected).put("deliveries_received", deliveries.delivered)
        .put("deliveries_lost", deliveries.lost()).put("deliveries_duplicated", deliveries.duplicates)
        .put("send_lag_p99_us", traffic.sendLag.percentile(0.99) / 1e3)
        .put("latency_p50_us", deliveries.latency.percentile(0.50) / 1e3)
        .put("latency_p99_us", deliveries.latency.percentile(0.99) / 1e3)
        .put("latency_max_us", deliveries.latency.max() / 1e3);
    DeliveryCheck.check(report, traffic.acked == traffic.total(), traffic.acked + " of " + traffic.total()
        + " messages acked");
    DeliveryCheck.check(report, traffic.resumes.dropped == traffic.resumes.onKilledNode,
        traffic.resumes.dropped + " of the killed node's " + traffic.resumes.onKilledNode + " users saw it go");
    traffic.resumes.checks().verifyResumes(report, "", traffic.resumes.onKilledNode);
    return DeliveryCheck.verify(deliveries, traffic.refused, "", report);
  }

  private static void pauseUntil(long nanos) {
    long millis = (nanos - System.nanoTime()) / 1_000_000;
    if (millis > 0) {
      Pause.millis(millis);
    }
  }
}
