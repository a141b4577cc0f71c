package chat.server.metrics;

import chat.protocol.ClientMessage;
import java.util.Locale;

/**
 * What kind of request was refused: the {@code request} label of {@code chat_refusals_total} (its
 * {@code reason} label is the ack's {@link chat.protocol.ErrorCode}). Both sets are fixed, so the cardinality
 * stays bounded.
 */
public enum RequestKind {
  JOIN, MESSAGE, HISTORY, OTHER;

  /** Texts and locations are both messages. */
  public static RequestKind of(ClientMessage message) {
    if (message instanceof ClientMessage.Join) {
      return JOIN;
    }
    return message instanceof ClientMessage.LoadHistory ? HISTORY : MESSAGE;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
