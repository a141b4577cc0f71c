package chat.bench.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every run of one or more comparison results files (their "runs" arrays, as CompareMain writes them), each
 * with the file it came from. Runs of the same scenario from several files are taken together.
 */
public final class ResultRuns {
  /** The servers in the order the tables show them; others follow in the order they appear. */
  private static final List<String> SERVER_ORDER = List.of("java", "java-fsync", "java-memory", "node", "ws");

  /** One run: its results file (as named on the command line) and its fields. */
  public record Run(String file, JsonObject fields) {
    String scenario() {
      return fields.get("name").getAsString();
    }

    String server() {
      return fields.get("server").getAsString();
    }

    boolean passed() {
      return fields.has("passed") && fields.get("passed").getAsBoolean();
    }

    /** The generator scenario it ran ("fanout", "ingest", …), whatever the comparison named it. */
    String generatorScenario() {
      JsonElement value = fields.get("scenario");
      return value == null || !value.isJsonPrimitive() ? "" : value.getAsString();
    }

    /** A true/false field; null when absent or not one. */
    Boolean flag(String key) {
      JsonElement value = fields.get(key);
      return value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean() ? null
          : value.getAsBoolean();
    }

    /** A numeric field; null when absent, not a number, or negative (the generator's "could not measure"). */
    Double number(String key) {
      JsonElement value = fields.get(key);
      if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
        return null;
      }
      double number = value.getAsDouble();
      return number < 0 ? null : number;
    }
  }

  private final List<Run> runs;

  ResultRuns(List<Run> runs) {
    this.runs = List.copyOf(runs);
  }

  public static ResultRuns read(List<Path> files) throws IOException {
    List<Run> runs = new ArrayList<>();
    for (Path file : files) {
      JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
      if (!root.has("runs")) {
        throw new IOException(file + " has no \"runs\": not a CompareMain results file");
      }
      for (JsonElement run : root.getAsJsonArray("runs")) {
        runs.add(new Run(file.toString(), run.getAsJsonObject()));
      }
    }
    return new ResultRuns(runs);
  }

  /** In the order they first appear. */
  List<String> scenarios() {
    Set<String> names = new LinkedHashSet<>();
    runs.forEach(run -> names.add(run.scenario()));
    return List.copyOf(names);
  }

  /** java, java-fsync, java-memory, node, ws first (those present), then any other. */
  List<String> servers() {
    Set<String> present = new LinkedHashSet<>();
    runs.forEach(run -> present.add(run.server()));
    List<String> ordered = new ArrayList<>(SERVER_ORDER);
    ordered.retainAll(present);
    present.stream().filter(server -> !ordered.contains(server)).forEach(ordered::add);
    return ordered;
  }

  /** Every run of {@code scenario}, any server. */
  List<Run> all(String scenario) {
    return runs.stream().filter(run -> run.scenario().equals(scenario)).toList();
  }

  List<Run> of(String scenario, String server) {
    return runs.stream().filter(run -> run.scenario().equals(scenario) && run.server().equals(server)).toList();
  }

  /** The files holding runs of {@code scenario}, in command-line order. */
  List<String> filesOf(String scenario) {
    Set<String> files = new LinkedHashSet<>();
    runs.stream().filter(run -> run.scenario().equals(scenario)).forEach(run -> files.add(run.file()));
    return List.copyOf(files);
  }

  /** Whether {@code scenario} ran against a cluster: a run of it reports more than one server node. */
  boolean cluster(String scenario) {
    return all(scenario).stream().anyMatch(run -> run.number("nodes") != null && run.number("nodes") > 1);
  }

  /** The median of a field over a scenario's runs on one server; null when no run measured it. */
  Double median(String scenario, String server, String key) {
    List<Double> values = new ArrayList<>();
    for (Run run : of(scenario, server)) {
      Double value = run.number(key);
      if (value != null) {
        values.add(value);
      }
    }
    return Median.of(values);
  }
}
