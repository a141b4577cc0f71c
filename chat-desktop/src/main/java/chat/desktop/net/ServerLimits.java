package chat.desktop.net;

/**
 * The limits a server checks, from its {@code /config.json}: the longest username and room name and the longest
 * message, in characters (code points, as the server counts them), and the largest history page it serves.
 */
public record ServerLimits(int maxUsernameLength, int maxRoomLength, int maxMessageLength, int maxHistoryPage) {
  /** The server's own defaults, for a server that does not say (a WebSocket-only address, an older server). */
  public static final ServerLimits DEFAULT = new ServerLimits(32, 64, 2000, 100);

  /** Name limits as given, the default message and page limits. */
  public ServerLimits(int maxUsernameLength, int maxRoomLength) {
    this(maxUsernameLength, maxRoomLength, DEFAULT.maxMessageLength, DEFAULT.maxHistoryPage);
  }
}
