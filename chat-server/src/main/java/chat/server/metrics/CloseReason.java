package chat.server.metrics;

import java.util.Locale;

/**
 * Why a WebSocket connection ended, as the {@code reason} label of {@code chat_connections_closed_total}: a small
 * fixed set, so the label's cardinality stays bounded whatever clients do.
 */
public enum CloseReason {
  /** The client sent a close frame (it left, or its page closed). */
  CLIENT,
  /** The connection ended without a close frame: network loss, or a ping that went unanswered (1006). */
  DROPPED,
  /** Cut for not reading what it was sent ({@code --max-buffered-bytes}). */
  SLOW_CONSUMER,
  /** Closed for sending too fast, repeatedly (1008). */
  RATE_LIMITED,
  /** Closed for not joining a room within {@code --join-timeout} (1008). */
  JOIN_TIMEOUT,
  /** Closed for a message over {@code --max-message-bytes} (1009). */
  TOO_BIG,
  /** Its seat was taken back by a newer connection of the same user (1000). */
  REPLACED,
  /** Closed because the server is stopping (1001). */
  SHUTDOWN,
  /** Any other close the server or the library made (a protocol violation, an internal error). */
  OTHER;

  /** The label value: the constant's name in lower case, e.g. {@code slow_consumer}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
