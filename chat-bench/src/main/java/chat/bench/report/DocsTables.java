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
 * scenario) and one table per scenario, each between its {@code <!-- generated:NAME -->} markers. With
 * {@code --write DOC} it replaces those sections in DOC instead (NAME: "summary" or the scenario's name).
 * Usage: DocsTables RESULTS.json [MORE.json …] [--write docs/FILE.md]
 */
public final class DocsTables {
  static final String SUMMARY = "summary";

  private DocsTables() {}

  public static void main(String[] args) throws IOException {
    List<Path> files = new ArrayList<>();
    Path write = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--write") && i + 1 < args.length) {
        write = Path.of(args[++i]);
      } else if (args[i].startsWith("--")) {
        usage("unknown flag " + args[i]);
      } else {
        files.add(Path.of(args[i]));
      }
    }
    if (files.isEmpty()) {
      usage("no results file given");
    }
    Map<String, String> sections = sections(ResultRuns.read(files), files);
    if (write == null) {
      sections.forEach((name, table) -> System.out.println(marked(name, table)));
    } else {
      GeneratedSections.Result result = write(write, sections);
      System.out.println("replaced in " + write + ": " + result.replaced());
      if (!result.withoutSection().isEmpty()) {
        System.out.println("no results for: " + result.withoutSection() + " (left as they were)");
      }
    }
  }

  /** The summary, then one table per scenario, by marker name. */
  static Map<String, String> sections(ResultRuns runs, List<Path> files) {
    List<String> servers = runs.servers();
    Map<String, String> sections = new LinkedHashMap<>();
    sections.put(SUMMARY, new SummaryTable(runs, servers, files.stream().map(Path::toString).toList()).render());
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
    System.err.println("usage: DocsTables RESULTS.json [MORE.json ...] [--write docs/FILE.md]");
    System.exit(2);
  }
}
