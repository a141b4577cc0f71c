package chat.desktop.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits message text into plain runs and http(s) links, by the browser's rule (linkify.js): a URL starts
 * with http:// or https:// and runs to whitespace or a quote or angle bracket, minus sentence punctuation at
 * its end. Nothing else becomes a link, so a link never opens anything but a web page.
 */
public final class MessageLinks {
  private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);
  // Punctuation that usually ends a sentence rather than the URL ("see https://x.org.").
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?)\\]}'\"]+$");

  private MessageLinks() {}

  /** A run of the text: plain when {@code url} is null, otherwise a link showing {@code text}. */
  public record Segment(String text, String url) {
    public boolean isLink() {
      return url != null;
    }
  }

  /** The text as segments in order; joined together they give back the text. */
  public static List<Segment> split(String text) {
    List<Segment> segments = new ArrayList<>();
    Matcher matcher = URL.matcher(text);
    int last = 0;
    while (matcher.find()) {
      String candidate = TRAILING_PUNCTUATION.matcher(matcher.group()).replaceFirst("");
      if (!isWebUrl(candidate)) {
        continue;
      }
      addText(segments, text.substring(last, matcher.start()));
      segments.add(new Segment(candidate, candidate));
      last = matcher.start() + candidate.length();
    }
    addText(segments, text.substring(last));
    return segments;
  }

  /** Whether any part of the text would be a link. */
  public static boolean hasLinks(String text) {
    return split(text).stream().anyMatch(Segment::isLink);
  }

  private static void addText(List<Segment> segments, String text) {
    if (!text.isEmpty()) {
      segments.add(new Segment(text, null));
    }
  }

  private static boolean isWebUrl(String candidate) {
    try {
      URI uri = new URI(candidate);
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
