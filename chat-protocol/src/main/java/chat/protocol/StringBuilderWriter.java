package chat.protocol;

import java.io.Writer;

/**
 * A {@link Writer} into a {@link StringBuilder}, for encoding. {@link java.io.StringWriter} appends to a
 * synchronized {@code StringBuffer}, and Gson's writer makes several small writes per JSON value: encoding a
 * 1,000-name user list took thousands of lock operations, one for every quote and comma.
 */
final class StringBuilderWriter extends Writer {
  private final StringBuilder text;

  StringBuilderWriter(int capacity) {
    this.text = new StringBuilder(capacity);
  }

  @Override
  public void write(int c) {
    text.append((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void write(String string, int offset, int length) {
    text.append(string, offset, offset + length);
  }

  @Override
  public Writer append(CharSequence chars) {
    text.append(chars);
    return this;
  }

  @Override
  public void flush() {
    // nothing buffered: every write lands in the builder
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
