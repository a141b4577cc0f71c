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
    int rooms = options.scenario().equals("joinstorm") ? 1 : options.rooms();
    try (Fleet fleet = new Fleet(adapter, address, options.clients(), rooms)) {
      switch (options.scenario()) {
        case "fanout":
        case "rooms":
          new FanoutScenario(options, fleet, probe, report).run();
          break;
        case "joinstorm":
          new JoinStormScenario(options, fleet,
              round -> new Fleet(adapter, address, options.clients(), 1, "warmup" + round + "-"), probe, report)
              .run();
          break;
        case "connections":
          new ConnectionsScenario(options, fleet, probe, report).run();
          break;
        default:
          throw new IllegalArgumentException("Unknown scenario '" + options.scenario() + "'");
      }
      report.failAll(fleet.failures());
    }
    return report;
  }
}
