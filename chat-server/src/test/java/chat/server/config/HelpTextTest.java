package chat.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HelpTextTest {
  private static final Pattern FLAG_ROW = Pattern.compile("^  --\\S+( <value>)? +");

  private final String help = ServerOptions.helpText();

  @Test
  void everyDescriptionStartsInOneColumnPastTheLongestFlag() {
    List<Integer> columns = new ArrayList<>();
    for (String line : help.split("\n")) {
      Matcher row = FLAG_ROW.matcher(line);
      if (row.find()) {
        columns.add(row.end());
      }
    }
    assertEquals(ServerOptions.OPTIONS.size() + 2, columns.size());
    assertEquals(1, columns.stream().distinct().count(), columns.toString());
    assertTrue(help.contains("  --max-connections-per-address <value>  open connections"), help);
  }

  @Test
  void longDescriptionsWrapToATerminalWidth() {
    for (String line : help.split("\n")) {
      assertTrue(line.length() <= HelpText.WIDTH, line);
    }
  }

  @Test
  void eachOptionStatesOneDefault() {
    for (Map.Entry<String, String> row : rows().entrySet()) {
      String text = row.getValue();
      if (text.contains(" env ")) {
        assertEquals(1, text.split("default", -1).length - 1, row.getKey() + ": " + text);
      }
    }
    String wsPort = rows().get("--ws-port");
    assertTrue(wsPort.contains("default port + 1, or 0 when port is 0"), wsPort);
    assertFalse(wsPort.contains("(none)"), wsPort);
  }

  @Test
  void helpAndVersionAreListed() {
    assertTrue(rows().get("--help").contains("print this help and exit"));
    assertTrue(rows().get("--version").contains("print the server's version and exit"));
  }

  /** Each flag's whole entry, its wrapped lines joined by single spaces. */
  private Map<String, String> rows() {
    Map<String, String> rows = new LinkedHashMap<>();
    String flag = null;
    for (String line : help.split("\n")) {
      if (line.startsWith("  --")) {
        flag = line.trim().split(" ")[0];
        rows.put(flag, line.trim().substring(flag.length()).trim());
      } else if (flag != null) {
        rows.merge(flag, line.trim(), (a, b) -> a + " " + b);
      }
    }
    return rows;
  }
}
