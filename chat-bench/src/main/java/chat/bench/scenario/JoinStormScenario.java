package chat.bench.scenario;

import chat.bench.probe.ServerProbe;
import chat.bench.report.RunReport;
import java.util.function.IntFunction;

/**
 * N connected users join one room one after another (each join sent when the previous one is acked); the
 * storm ends when every user's latest roomData lists exactly all N. Every user must also have seen one
 * "has joined!" notice per later joiner. With {@code --warmup K}, K unmeasured storms of the same size come
 * first, each by other users in a room of their own who then leave, so that the storm measures a warm server as
 * the message scenarios do (a JVM compiles the join path only after a few thousand joins); either way the
 * measurement starts once the server is idle.
 */
final class JoinStormScenario {
  private final BenchOptions options;
  private final Fleet fleet;
  private final IntFunction<Fleet> warmupFleet;
  private final ServerProbe probe;
  private final RunReport report;

  /** {@code warmupFleet} makes the users of warm-up storm number i, in a room of their own. */
  JoinStormScenario(BenchOptions options, Fleet fleet, IntFunction<Fleet> warmupFleet, ServerProbe probe,
      RunReport report) {
    this.options = options;
    this.fleet = fleet;
    this.warmupFleet = warmupFleet;
    this.probe = probe;
    this.report = report;
  }

  void run() {
    if (options.warmup() > 0 && !warmUp()) {
      return;
    }
    long connect = fleet.connectAll(options.timeoutMillis());
    report.put("connect_s", connect / 1e9);
    if (!fleet.failures().isEmpty()) {
      return;
    }
    report.put("server_idle_wait_s", probe.awaitIdle(options.timeoutMillis()));
    Window window = Window.start(probe);
    fleet.joinAll(1, options.timeoutMillis());
    window.stop();
    long n = options.clients();
    long expectedNotices = expectedNotices();
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

  /** One "has joined!" notice per member for each later joiner. */
  private long expectedNotices() {
    long n = options.clients();
    return n * (n - 1) / 2;
  }

  /** The warm-up storms, checked like the real one; each fleet disconnects before the next. */
  private boolean warmUp() {
    report.put("warmup_storms", (long) options.warmup());
    for (int round = 0; round < options.warmup(); round++) {
      try (Fleet warm = warmupFleet.apply(round)) {
        warm.connectAll(options.timeoutMillis());
        if (warm.failures().isEmpty()) {
          warm.joinAll(1, options.timeoutMillis());
        }
        if (warm.failures().isEmpty()) {
          warm.await(() -> warm.joinNotices() >= expectedNotices(), options.timeoutMillis(), "warm-up notices");
        }
        int number = round + 1;
        warm.failures().forEach(failure -> report.fail("warm-up " + number + ": " + failure));
        if (!warm.failures().isEmpty()) {
          return false;
        }
      }
    }
    return true;
  }
}
