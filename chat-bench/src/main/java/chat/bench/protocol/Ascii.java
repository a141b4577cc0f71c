package chat.bench.protocol;

/** Byte-level searches and number parsing on ASCII/UTF-8 frames, so the hot path never builds a String. */
public final class Ascii {
  private Ascii() {}

  public static byte[] bytes(String ascii) {
    return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  public static boolean startsWith(byte[] bytes, int offset, int length, byte[] prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Index of the first occurrence of {@code needle} in {@code bytes[from, end)}, or -1. */
  public static int indexOf(byte[] bytes, int from, int end, byte[] needle) {
    byte first = needle[0];
    int last = end - needle.length;
    for (int i = from; i <= last; i++) {
      if (bytes[i] == first && startsWith(bytes, i, end - i, needle)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the closing quote of a JSON string whose content starts at {@code from}, or -1. */
  public static int stringEnd(byte[] bytes, int from, int end) {
    for (int i = from; i < end; i++) {
      if (bytes[i] == '\\') {
        i++;
      } else if (bytes[i] == '"') {
        return i;
      }
    }
    return -1;
  }

  /** Parses the non-negative decimal starting at {@code from}; stops at the first non-digit. */
  public static long parseLong(byte[] bytes, int from, int end) {
    long value = 0;
    for (int i = from; i < end; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        break;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** Index of the first byte at or after {@code from} that is not a decimal digit. */
  public static int skipDigits(byte[] bytes, int from, int end) {
    int i = from;
    while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    return i;
  }
}
