package chat.server.room;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds words of the shipped word list in a text: whole words only, in any case. */
final class ProfanityFilter {
  private static final String WORD_LIST = "/profanity.txt";

  private final Set<String> words;

  ProfanityFilter(Set<String> words) {
    this.words = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** The filter with the word list the project ships ({@code profanity.txt}, one word a line). */
  static ProfanityFilter shipped() {
    try (InputStream in = ProfanityFilter.class.getResourceAsStream(WORD_LIST)) {
      if (in == null) {
        throw new IllegalStateException(WORD_LIST + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new ProfanityFilter(reader.lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toSet()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Scans words in place rather than splitting: this runs on every message. */
  boolean isProfane(String text) {
    int length = text.length();
    int start = -1;
    for (int i = 0; i <= length; i++) {
      boolean wordChar = i < length && Character.isLetterOrDigit(text.charAt(i));
      if (wordChar && start < 0) {
        start = i;
      } else if (!wordChar && start >= 0) {
        if (words.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
          return true;
        }
        start = -1;
      }
    }
    return false;
  }
}
