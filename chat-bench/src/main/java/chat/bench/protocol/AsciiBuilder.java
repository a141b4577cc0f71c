package chat.bench.protocol;

import java.util.Arrays;

/** A reusable, growable ASCII byte buffer for building outgoing frames without Strings. Not thread-safe. */
public final class AsciiBuilder {
  private byte[] bytes = new byte[256];
  private int length;

  public AsciiBuilder clear() {
    length = 0;
    return this;
  }

  public AsciiBuilder append(String ascii) {
    ensure(ascii.length());
    for (int i = 0; i < ascii.length(); i++) {
      bytes[length++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  public AsciiBuilder append(byte[] ascii, int offset, int count) {
    ensure(count);
    System.arraycopy(ascii, offset, bytes, length, count);
    length += count;
    return this;
  }

  public AsciiBuilder append(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  public AsciiBuilder append(long value) {
    if (value < 0) {
      append('-');
      value = -value;
    }
    ensure(20);
    int start = length;
    do {
      bytes[length++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value > 0);
    for (int i = start, j = length - 1; i < j; i++, j--) {
      byte swap = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = swap;
    }
    return this;
  }

  /** Appends {@code c} until the content is {@code total} bytes long. */
  public AsciiBuilder padTo(int total, char c) {
    while (length < total) {
      append(c);
    }
    return this;
  }

  public byte[] array() {
    return bytes;
  }

  public int length() {
    return length;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
