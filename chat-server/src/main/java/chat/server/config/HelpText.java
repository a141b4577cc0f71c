package chat.server.config;

import chat.server.config.ServerOptions.Option;
import java.util.List;

/** Lays out {@code --help}: a column of flags, each flag's text beside it, wrapped to fit a terminal. */
final class HelpText {
  /** The classic terminal width, so that the help reads well without a wide window. */
  static final int WIDTH = 80;
  private static final String INDENT = "  ";
  private static final String VALUE = " <value>";

  private HelpText() {}

  static String of(List<Option> options) {
    // The column fits the longest flag, so a new long flag cannot push its text out of line.
    int column = INDENT.length() + 2 + options.stream()
        .mapToInt(o -> ("--" + o.flag() + VALUE).length()).max().orElse(0);
    StringBuilder text = new StringBuilder("Usage: java -jar chat-server.jar [options]\n\nOptions:\n");
    for (Option option : options) {
      row(text, column, "--" + option.flag() + VALUE, option.help());
      row(text, column, "", "env " + option.env() + ", default " + option.shownDefault());
    }
    row(text, column, "--help", "print this help and exit");
    row(text, column, "--version", "print the server's version and exit");
    return text.toString();
  }

  /** Appends {@code name} padded to {@code column}, then {@code description} wrapped at word boundaries. */
  private static void row(StringBuilder text, int column, String name, String description) {
    StringBuilder line = new StringBuilder(INDENT + name);
    line.append(" ".repeat(column - line.length()));
    for (String word : description.split(" ")) {
      boolean started = line.length() > column;
      if (started && line.length() + 1 + word.length() > WIDTH) {
        text.append(line).append('\n');
        line = new StringBuilder(" ".repeat(column));
        started = false;
      }
      line.append(started ? " " : "").append(word);
    }
    text.append(line).append('\n');
  }
}
