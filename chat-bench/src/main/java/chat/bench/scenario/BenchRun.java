package chat.bench.scenario;

import chat.bench.probe.RedisProbe;
import chat.bench.probe.ServerProbe;
import chat.bench.protocol.ProtocolAdapter;
import chat.bench.report.RunReport;
import java.net.InetSocketAddress;
import java.util.List;

/** Runs one scenario against one server and reports it; the API behind the CLI and the CI smoke test. */
public final class BenchRun {
  private BenchRun() {}

  public static RunReport run(BenchOptions options) {
    RunReport report = new RunReport();
    report.put("scenario", options.scenario()).put("label", options.label()).put("protocol", options.protocol());
    report.put("clients", options.clients());
    ServerProbe probe = new ServerProbe(options.serverPid(), options.serverKind(), options.serverHttpPorts());
    RedisProbe redis = options.redisPid() == null ? RedisProbe.NONE
        : new RedisProbe(options.redisPid(), options.redisPort());
    ProtocolAdapter adapter = ProtocolAdapter.named(options.protocol());
    List<InetSocketAddress> nodes = options.ports().stream()
        .map(port -> new InetSocketAddress(options.host(), port)).toList();
    try (Fleet fleet = new Fleet(adapter, nodes, fleetSize(options), rooms(options))) {
      scenario(options, fleet, probe, redis, report).run();
      report.failAll(fleet.failures());
    }
    return report;
  }

  private static Runnable scenario(BenchOptions options, Fleet fleet, ServerProbe probe, RedisProbe redis,
      RunReport report) {
    switch (options.scenario()) {
      case "fanout":
      case "rooms":
        return new FanoutScenario(options, fleet, probe, redis, report)::run;
      case "joinstorm":
        return new JoinStormScenario(options, fleet, round -> new Fleet(fleet.adapter(), fleet.nodes(),
            options.clients(), 1, "warmup" + round + "-"), probe, report)::run;
      case "connections":
        return new ConnectionsScenario(options, fleet, probe, report)::run;
      case "ingest":
        return new IngestScenario(options, fleet, probe, report)::run;
      case "reconnect":
        return new ReconnectScenario(options, fleet, probe, report)::run;
      case "dbsize":
        return new DbSizeScenario(options, fleet, probe, report)::run;
      case "nodekill":
        return new NodeKillScenario(options, fleet, probe, report)::run;
      default:
        throw new IllegalArgumentException("Unknown scenario '" + options.scenario() + "'");
    }
  }

  private static int fleetSize(BenchOptions options) {
    return options.scenario().equals("reconnect") ? ReconnectScenario.fleetSize(options) : options.clients();
  }

  private static int rooms(BenchOptions options) {
    return options.scenario().equals("joinstorm") ? 1 : options.rooms();
  }
}
