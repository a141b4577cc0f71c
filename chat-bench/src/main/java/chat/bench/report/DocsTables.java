package chat.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Markdown tables from comparison results files, so the docs quote measurements and never copy them by hand.
 * Prints, for the runs of every file given taken together, a "summary" table (CPU per delivery of every
 * single-server scenario) and one table per scenario, each between its {@code <!-- generated:NAME -->} markers;
 * when the files hold runs of both "java" and "java-memory", the SQLite-against-memory tables ("store-compare",
 * and "store-compare-fsync" for java-fsync runs); when they hold the reference servers' runs, the targets
 * judged on both stores ("targets"); and when they hold cluster scenarios, the cluster comparison ("cluster").
 * With {@code --write DOC} it replaces those sections in DOC instead (NAME: "summary", "store-compare",
 * "targets", "cluster" or the scenario's name); with {@code --only NAME,…} only those, so that a file of a
 * few servers leaves the other tables alone.
 * Usage: DocsTables RESULTS.json [MORE.json …] [--write docs/FILE.md] [--only NAME,NAME]
 */
public final class DocsTables {
  static final String SUMMARY = "summary";

  private DocsTables() {}

  /** The command line: the results files, the document to write (or null: print) and the sections wanted. */
  private record Arguments(List<Path> files, Path write, List<String> only) {
    static Arguments parse(String[] args) {
      List<Path> files = new ArrayList<>();
      Path write = null;
      List<String> only = null;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--write") && i + 1 < args.length) {
          write = Path.of(args[++i]);
        } else if (args[i].equals("--only") && i + 1 < args.length) {
          only = List.of(args[++i].split(","));
        } else if (args[i].startsWith("--")) {
          usage("unknown flag " + args[i]);
        } else {
          files.add(Path.of(args[i]));
        }
      }
      if (files.isEmpty()) {
        usage("no results file given");
      }
      return new Arguments(files, write, only);
    }
  }

  public static void main(String[] args) throws IOException {
    Arguments arguments = Arguments.parse(args);
    Map<String, String> sections = sections(ResultRuns.read(arguments.files()), arguments.files());
    if (arguments.only() != null) {
      sections.keySet().retainAll(arguments.only());
    }
    if (arguments.write() == null) {
      sections.forEach((name, table) -> System.out.println(marked(name, table)));
      return;
    }
    GeneratedSections.Result result = write(arguments.write(), sections);
    System.out.println("replaced in " + arguments.write() + ": " + result.replaced());
    List<String> missing = result.withoutSection().stream()
        .filter(name -> arguments.only() == null || arguments.only().contains(name)).toList();
    if (!missing.isEmpty()) {
      System.out.println("no results for: " + missing + " (left as they were)");
    }
  }

  /** The summary, then one table per scenario, by marker name. */
  static Map<String, String> sections(ResultRuns runs, List<Path> files) {
    List<String> servers = runs.servers();
    Map<String, String> sections = new LinkedHashMap<>();
    sections.put(SUMMARY, new SummaryTable(runs, servers, files.stream().map(Path::toString).toList()).render());
    for (String sqlite : List.of("java", "java-fsync")) {
      StoreCompareTable storeCompare = new StoreCompareTable(runs, sqlite);
      String table = storeCompare.render();
      if (table != null) {
        sections.put(storeCompare.name(), table);
      }
    }
    String targets = new TargetsTable(runs).render();
    if (targets != null) {
      sections.put(TargetsTable.NAME, targets);
    }
    String cluster = new ClusterTable(runs).render();
    if (cluster != null) {
      sections.put(ClusterTable.NAME, cluster);
    }
    ScenarioTable table = new ScenarioTable(runs);
    for (String scenario : runs.scenarios()) {
      sections.put(scenario, table.render(scenario));
    }
    return sections;
  }

  /** Replaces the marked sections of {@code document} in place. */
  static GeneratedSections.Result write(Path document, Map<String, String> sections) throws IOException {
    GeneratedSections.Result result = GeneratedSections.replace(Files.readString(document), sections);
    Files.writeString(document, result.text());
    return result;
  }

  private static String marked(String name, String table) {
    return "<!-- generated:" + name + " -->\n" + table + "<!-- /generated:" + name + " -->\n";
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: DocsTables RESULTS.json [MORE.json ...] [--write docs/FILE.md] [--only NAME,NAME]");
    System.exit(2);
  }
}
