package chat.bench.probe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to Redis's {@code INFO}: "# Section" headings and "name:value" lines, CRLF-separated. Only the
 * fields the benchmark reads have accessors; the rest stay available by name.
 */
public record RedisInfo(Map<String, String> fields) {
  /** Every field of the text; headings, blank lines and lines without a colon are skipped. */
  public static RedisInfo parse(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : text.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith("#")) {
        fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
      }
    }
    return new RedisInfo(Map.copyOf(fields));
  }

  /** A numeric field; -1 when absent or not a whole number. */
  public long number(String name) {
    String value = fields.get(name);
    if (value == null || !value.matches("\\d+")) {
      return -1;
    }
    return Long.parseLong(value);
  }

  /** Commands Redis has executed since it started ({@code INFO stats}); -1 when absent. */
  public long totalCommandsProcessed() {
    return number("total_commands_processed");
  }
}
