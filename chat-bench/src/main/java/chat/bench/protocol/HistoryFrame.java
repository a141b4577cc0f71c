package chat.bench.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Reads a protocol v2 {@code history} frame in place, by bytes, as the codec writes it: {@code room}, then
 * {@code epoch}, then {@code messages} (each entry exactly a live message frame, {@code "id"} right after its
 * type), {@code hasMore} and, last, {@code recovered} when the join asked to resume. A quote inside a text is
 * escaped, so no text can look like a field. Location messages are skipped: the bench never sends them.
 */
public final class HistoryFrame {
  /** One message of the history, oldest first; the text span is only valid during the call. */
  public interface Entry {
    void accept(long id, byte[] bytes, int textOffset, int textLength);
  }

  private static final byte[] EPOCH = Ascii.bytes("\"epoch\":\"");
  private static final byte[] ENTRY = Ascii.bytes("{\"type\":\"message\",\"id\":");
  private static final byte[] TEXT = Ascii.bytes("\"text\":\"");
  private static final byte[] RECOVERED = Ascii.bytes("\"recovered\":true}");
  private static final byte[] NOT_RECOVERED = Ascii.bytes("\"recovered\":false}");

  private HistoryFrame() {}

  /** The room's epoch; null when the frame has none. */
  public static String epoch(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int at = Ascii.indexOf(bytes, offset, end, EPOCH);
    if (at < 0) {
      return null;
    }
    int start = at + EPOCH.length;
    int close = Ascii.stringEnd(bytes, start, end);
    return close < 0 ? null : new String(bytes, start, close - start, StandardCharsets.US_ASCII);
  }

  /** TRUE or FALSE as the frame's {@code recovered} says; null when it has none (a join without since). */
  public static Boolean recovered(byte[] bytes, int offset, int length) {
    if (endsWith(bytes, offset, length, RECOVERED)) {
      return Boolean.TRUE;
    }
    return endsWith(bytes, offset, length, NOT_RECOVERED) ? Boolean.FALSE : null;
  }

  /** Hands every text message to {@code entry}, oldest first; returns how many there were. */
  public static int forEachMessage(byte[] bytes, int offset, int length, Entry entry) {
    int end = offset + length;
    int count = 0;
    int at = Ascii.indexOf(bytes, offset, end, ENTRY);
    while (at >= 0) {
      int digits = at + ENTRY.length;
      long id = Ascii.parseLong(bytes, digits, end);
      int text = Ascii.indexOf(bytes, digits, end, TEXT);
      int textStart = text + TEXT.length;
      int textEnd = text < 0 ? -1 : Ascii.stringEnd(bytes, textStart, end);
      if (textEnd < 0) {
        break;
      }
      entry.accept(id, bytes, textStart, textEnd - textStart);
      count++;
      at = Ascii.indexOf(bytes, textEnd, end, ENTRY);
    }
    return count;
  }

  private static boolean endsWith(byte[] bytes, int offset, int length, byte[] suffix) {
    return length >= suffix.length && Ascii.startsWith(bytes, offset + length - suffix.length, suffix.length, suffix);
  }
}
