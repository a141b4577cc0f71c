package chat.protocol;

import java.util.OptionalLong;

/**
 * A frame that is not a valid protocol message. The message is written for the sender to read. When the frame
 * carried a usable {@code ref}, {@link #ref()} holds it so the error can go back as an ack.
 */
public final class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Long ref;

  public ProtocolException(String message) {
    this(message, null);
  }

  public ProtocolException(String message, Long ref) {
    super(message, null, false, false);
    this.ref = ref;
  }

  public OptionalLong ref() {
    return ref == null ? OptionalLong.empty() : OptionalLong.of(ref);
  }
}
