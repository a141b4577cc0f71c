package chat.bench.scenario;

import chat.bench.probe.ListenQueueCounters;
import chat.bench.probe.Pause;
import chat.bench.probe.ServerProbe;
import chat.bench.report.RunReport;

/**
 * The reconnect storm: N users in R rooms plus one sender per room, all joined; then every one of the N loses
 * its connection at once without a close frame, the senders post M messages while they are away, and all N
 * reconnect at once, each resuming with since, epoch and token ({@link ResumeRound} has the checks). Measured:
 * from the first reconnect until the last user has its history and ack, and each user's own resume time. A
 * {@code --warmup} of K such rounds comes first, checked but not measured; each round resumes with the token
 * the previous one gave. The kernel's listen-queue overflows during the storm are reported beside the times
 * ({@link ListenQueueCounters}: machine-wide, and a turned-away connect waits a second or more to retry).
 */
final class ReconnectScenario {
  /** Long enough for the server to have seen every drop: a resume then takes a held seat, not an open one. */
  private static final long DROP_SETTLE_MILLIS = 250;
  private static final long SETTLE_MILLIS = 300;

  private final BenchOptions options;
  private final Fleet fleet;
  private final ServerProbe probe;
  private final RunReport report;
  private final ResumeLedger ledger;

  ReconnectScenario(BenchOptions options, Fleet fleet, ServerProbe probe, RunReport report) {
    this.options = options;
    this.fleet = fleet;
    this.probe = probe;
    this.report = report;
    this.ledger = new ResumeLedger(fleet.peers().length);
  }

  /** The fleet's size: the N users who come back and one sender per room. */
  static int fleetSize(BenchOptions options) {
    return options.clients() + options.rooms();
  }

  void run() {
    report.put("rooms", options.rooms()).put("senders_per_room", 1).put("messages_while_away", options.messages())
        .put("warmup_rounds", options.warmup());
    fleet.traffic(ledger);
    long nanos = fleet.connectAndJoin(options.joinWindow(), options.timeoutMillis());
    if (nanos < 0) {
      return;
    }
    report.put("connect_join_s", nanos / 1e9);
    BenchText text = BenchText.withClientIds(fleet.adapter(), options.payload());
    for (int round = 1; round <= options.warmup() + 1 && report.passed() && fleet.failures().isEmpty(); round++) {
      boolean measured = round == options.warmup() + 1;
      runRound(new ResumeRound(fleet, ledger, options.messages(), text), measured ? "" : "warm-up " + round + ": ",
          measured);
    }
  }

  private void runRound(ResumeRound round, String phase, boolean measured) {
    if (measured) {
      report.put("server_idle_wait_s", probe.awaitIdle(options.timeoutMillis()));
    }
    fleet.onLoop(() -> {
      ledger.round(round);
      round.drop();
      return round;
    });
    fleet.loop().execute(round::post);
    fleet.await(() -> round.postedAcks >= options.messages(), options.timeoutMillis(), phase + "posts");
    pause(DROP_SETTLE_MILLIS);
    ListenQueueCounters queueBefore = ListenQueueCounters.read();
    Window window = Window.start(probe);
    fleet.loop().execute(round::reconnectAll);
    fleet.await(() -> round.resumed >= round.resumers(), options.timeoutMillis(), phase + "resume");
    window.stop();
    ListenQueueCounters turnedAway = ListenQueueCounters.read().since(queueBefore);
    pause(SETTLE_MILLIS);
    fleet.onLoop(() -> round.verify(report, phase));
    if (measured) {
      fleet.onLoop(() -> round.report(report));
      window.report(report, 0);
      double cpu = window.serverCpuSeconds();
      report.put("server_cpu_ms_per_resume", cpu < 0 ? -1.0 : cpu * 1e3 / round.resumers());
      report.put("listen_queue_overflows", turnedAway.overflows()).put("listen_queue_drops", turnedAway.drops());
    }
  }

  private static void pause(long millis) {
    Pause.millis(millis);
  }
}
