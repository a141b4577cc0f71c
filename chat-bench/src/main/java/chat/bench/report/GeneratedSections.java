package chat.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the text between {@code <!-- generated:NAME -->} and {@code <!-- /generated:NAME -->} in a document
 * with the section of that name, so that tables in the docs come from results files and are never edited by
 * hand. Markers without a section are left as they are and reported; the rest of the document is untouched.
 */
final class GeneratedSections {
  private static final Pattern START = Pattern.compile("<!-- generated:([A-Za-z0-9._-]+) -->");
  private static final String END = "<!-- /generated:%s -->";

  /** The new text, the sections replaced and the marker names that had no section. */
  record Result(String text, List<String> replaced, List<String> withoutSection) {}

  private GeneratedSections() {}

  static Result replace(String document, Map<String, String> sections) {
    StringBuilder out = new StringBuilder();
    List<String> replaced = new ArrayList<>();
    List<String> withoutSection = new ArrayList<>();
    Matcher start = START.matcher(document);
    int copied = 0;
    while (start.find(copied)) {
      String name = start.group(1);
      String end = String.format(END, name);
      int endAt = document.indexOf(end, start.end());
      if (endAt < 0) {
        throw new IllegalArgumentException("'" + start.group() + "' has no '" + end + "' after it");
      }
      String section = sections.get(name);
      out.append(document, copied, start.end());
      if (section == null) {
        withoutSection.add(name);
        out.append(document, start.end(), endAt);
      } else {
        replaced.add(name);
        out.append('\n').append(section.endsWith("\n") ? section : section + "\n");
      }
      out.append(end);
      copied = endAt + end.length();
    }
    out.append(document.substring(copied));
    return new Result(out.toString(), replaced, withoutSection);
  }
}
