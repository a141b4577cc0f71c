package chat.bench.scenario;

import chat.bench.probe.ServerProbe;
import chat.bench.protocol.ProtocolAdapter;
import chat.bench.report.RunReport;
import java.net.InetSocketAddress;

/** Runs one scenario against one server and reports it; the API behind the CLI and the CI smoke test. */
public final class BenchRun {
  private BenchRun() {}

  public static RunReport run(BenchOptions options) {
    RunReport report = new RunReport();
    report.put("scenario", options.scenario()).put("label", options.label()).put("protocol", options.protocol());
    report.put("clients", options.clients());
    ServerProbe probe = new ServerProbe(options.serverPid(), options.serverKind(), options.serverHttpPort());
    ProtocolAdapter adapter = ProtocolAdapter.named(options.protocol());
    InetSocketAddress address = new InetSocketAddress(options.host(), options.port());
    try (Fleet fleet = new Fleet(adapter, address, fleetSize(options), rooms(options))) {
      scenario(options, fleet, probe, report).run();
      report.failAll(fleet.failures());
    }
    return report;
  }

  private static Runnable scenario(BenchOptions options, Fleet fleet, ServerProbe probe, RunReport report) {
    switch (options.scenario()) {
      case "fanout":
      case "rooms":
        return new FanoutScenario(options, fleet, probe, report)::run;
      case "joinstorm":
        return new JoinStormScenario(options, fleet, round -> new Fleet(fleet.adapter(), fleet.address(),
            options.clients(), 1, "warmup" + round + "-"), probe, report)::run;
      case "connections":
        return new ConnectionsScenario(options, fleet, probe, report)::run;
      case "ingest":
        return new IngestScenario(options, fleet, probe, report)::run;
      case "reconnect":
        return new ReconnectScenario(options, fleet, probe, report)::run;
      case "dbsize":
        return new DbSizeScenario(options, fleet, probe, report)::run;
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
