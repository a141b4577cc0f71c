package chat.bench;

import chat.bench.report.RunReport;
import chat.bench.scenario.BenchOptions;
import chat.bench.scenario.BenchRun;

/** The load generator's command line: runs one scenario, prints a table and one JSON line; exit 1 on failure. */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    RunReport report = BenchRun.run(options);
    System.out.print(report.table());
    if (Boolean.TRUE.equals(report.get("generator_bound"))) {
      System.out.println("  GENERATOR-BOUND: the generator used over 90% of its core; this run may measure it, "
          + "not the server");
    }
    System.out.println(report.jsonLine());
    System.exit(report.passed() ? 0 : 1);
  }
}
