package chat.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One scenario's markdown table, from the runs of the results files that hold it: per server the median over
 * its runs of each figure ({@link TableRows} picks them by the scenario's kind), the first server's over each
 * other's, the deliveries lost and the runs passed, then the files and what each row measures. Rows no run
 * measured are left out.
 */
final class ScenarioTable {
  private final ResultRuns runs;

  ScenarioTable(ResultRuns runs) {
    this.runs = runs;
  }

  /** Columns for the servers that ran the scenario. */
  String render(String scenario) {
    List<String> servers = runs.servers().stream().filter(server -> !runs.of(scenario, server).isEmpty()).toList();
    Columns columns = new Columns(servers);
    StringBuilder out = new StringBuilder();
    out.append("**").append(scenario).append("**: ").append(RunSettings.describe(firstRun(scenario, servers)))
        .append(". ").append(sources(scenario, servers)).append(".\n\n");
    out.append(columns.header("metric"));
    List<String> meanings = new ArrayList<>();
    for (TableRow row : TableRows.of(firstRun(scenario, servers).generatorScenario(), runs, scenario)) {
      if (servers.stream().anyMatch(server -> measured(scenario, server, row))) {
        out.append(row.countsTrue() ? columns.textRow(row.label(), server -> countTrue(scenario, server, row))
            : columns.row(row.label(), server -> scaled(scenario, server, row), row.ratios()));
        String meaning = "*" + row.term() + "*: " + row.meaning() + ".";
        if (row.meaning() != null && !meanings.contains(meaning)) {
          meanings.add(meaning);
        }
      }
    }
    if (servers.stream().anyMatch(server -> !lost(scenario, server).equals(TableNumbers.NONE))) {
      out.append(columns.textRow("deliveries lost (all runs)", server -> lost(scenario, server)));
      meanings.add("*deliveries lost*: expected minus received deliveries, summed over the runs, of all expected.");
    }
    out.append(columns.textRow("runs passed", server -> passed(scenario, server)));
    meanings.add("*runs passed*: " + TableRows.passedMeaning(firstRun(scenario, servers).generatorScenario()) + ".");
    out.append('\n').append(meanings.stream().map(m -> "- " + m).collect(Collectors.joining("\n"))).append('\n');
    return out.toString();
  }

  private boolean measured(String scenario, String server, TableRow row) {
    return row.countsTrue() ? runs.of(scenario, server).stream().anyMatch(run -> run.flag(row.key()) != null)
        : runs.median(scenario, server, row.key()) != null;
  }

  private Double scaled(String scenario, String server, TableRow row) {
    Double median = runs.median(scenario, server, row.key());
    return median == null ? null : median * row.scale();
  }

  /** "2 of 3": of the runs that have the field, those where it is true. */
  private String countTrue(String scenario, String server, TableRow row) {
    List<Boolean> flags = runs.of(scenario, server).stream().map(run -> run.flag(row.key()))
        .filter(flag -> flag != null).toList();
    return flags.isEmpty() ? TableNumbers.NONE
        : flags.stream().filter(Boolean::booleanValue).count() + " of " + flags.size();
  }

  /** The first passed run (a failed one may have stopped before reporting its settings), else the first. */
  private ResultRuns.Run firstRun(String scenario, List<String> servers) {
    List<ResultRuns.Run> all = servers.stream().flatMap(server -> runs.of(scenario, server).stream()).toList();
    return all.stream().filter(ResultRuns.Run::passed).findFirst().orElse(all.get(0));
  }

  /** "Medians over the runs (Java 3, …) in `file`, `file`". */
  private String sources(String scenario, List<String> servers) {
    String counts = servers.stream().map(s -> Columns.title(s) + " " + runs.of(scenario, s).size())
        .collect(Collectors.joining(", "));
    String files = runs.filesOf(scenario).stream().map(f -> "`" + f + "`").collect(Collectors.joining(", "));
    return "Medians over the runs (" + counts + ") in " + files;
  }

  private String lost(String scenario, String server) {
    long lost = 0;
    long expected = 0;
    for (ResultRuns.Run run : runs.of(scenario, server)) {
      Double runExpected = run.number("deliveries_expected");
      Double received = run.number("deliveries_received");
      if (runExpected == null || received == null) {
        return TableNumbers.NONE;
      }
      expected += runExpected.longValue();
      lost += Math.max(0, runExpected.longValue() - received.longValue());
    }
    return runs.of(scenario, server).isEmpty() ? TableNumbers.NONE
        : TableNumbers.count(lost) + " of " + TableNumbers.count(expected);
  }

  private String passed(String scenario, String server) {
    List<ResultRuns.Run> of = runs.of(scenario, server);
    return of.isEmpty() ? TableNumbers.NONE : of.stream().filter(ResultRuns.Run::passed).count() + " of " + of.size();
  }
}
