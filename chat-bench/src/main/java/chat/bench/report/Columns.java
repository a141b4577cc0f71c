package chat.bench.report;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns of a server-by-server markdown table: one per server, then the first server (Java, when present)
 * over each other one.
 */
final class Columns {
  private static final Map<String, String> TITLES = Map.of("java", "Java", "java-fsync", "Java (fsync always)",
      "java-memory", "Java (memory)", "node", "socket.io", "ws", "ws");

  private final List<String> servers;

  Columns(List<String> servers) {
    this.servers = servers;
  }

  static String title(String server) {
    return TITLES.getOrDefault(server, server);
  }

  /** The header and alignment rows, {@code first} naming the first column. */
  String header(String first) {
    StringBuilder names = new StringBuilder("| ").append(first).append(" |");
    StringBuilder align = new StringBuilder("|---|");
    for (String server : servers) {
      names.append(' ').append(title(server)).append(" |");
      align.append("---:|");
    }
    for (String other : others()) {
      names.append(' ').append(title(servers.get(0))).append(" / ").append(title(other)).append(" |");
      align.append("---:|");
    }
    return names + "\n" + align + "\n";
  }

  /** One row: each server's value, then the ratios (or "—" in their columns when {@code ratios} is false). */
  String row(String label, Function<String, Double> value, boolean ratios) {
    StringBuilder row = new StringBuilder("| ").append(label).append(" |");
    for (String server : servers) {
      row.append(' ').append(TableNumbers.of(value.apply(server))).append(" |");
    }
    Double first = servers.isEmpty() ? null : value.apply(servers.get(0));
    for (String other : others()) {
      Double ratio = ratios ? TableNumbers.divide(first, value.apply(other)) : null;
      row.append(' ').append(TableNumbers.ratio(ratio)).append(" |");
    }
    return row.append('\n').toString();
  }

  /** A row of ready-made cells, one per server; the ratio columns stay empty. */
  String textRow(String label, Function<String, String> cell) {
    StringBuilder row = new StringBuilder("| ").append(label).append(" |");
    for (String server : servers) {
      row.append(' ').append(cell.apply(server)).append(" |");
    }
    others().forEach(other -> row.append(" |"));
    return row.append('\n').toString();
  }

  private List<String> others() {
    return servers.size() < 2 ? List.of() : servers.subList(1, servers.size());
  }
}
