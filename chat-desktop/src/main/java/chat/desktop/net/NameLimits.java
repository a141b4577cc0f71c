package chat.desktop.net;

/**
 * The longest display name and room name a server accepts, in characters (code points, as the server counts
 * them), from its {@code /config.json}.
 */
public record NameLimits(int maxUsernameLength, int maxRoomLength) {
  /** The server's own defaults, for a server that does not say (a WebSocket-only address, an older server). */
  public static final NameLimits DEFAULT = new NameLimits(32, 64);
}
