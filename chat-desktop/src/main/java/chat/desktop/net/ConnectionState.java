package chat.desktop.net;

/** Where a connection stands, as the user should see it. */
public enum ConnectionState {
  /** The first connection attempt is under way. */
  CONNECTING,
  /** Connected (and, once joined, in the room). */
  ONLINE,
  /** The connection was lost; retrying with backoff and joining the same room again. */
  RECONNECTING,
  /** Closed on purpose; nothing more will happen. */
  CLOSED
}
