package chat.server.cluster;

/**
 * What a room's channel carries: a numbered message ({@code m}, published by the post script), a change of
 * the room's seats ({@code p <version> <node>}), or a seat moved to another node ({@code v <node> <key>}).
 */
sealed interface ChannelEvent {
  /** A numbered message: its frame is decoded only when the node needs it (not for its own posts). */
  record Message(long id, String epoch, String origin, String frame) implements ChannelEvent {}

  record SeatsChanged(long version, String byNode) implements ChannelEvent {}

  record SeatMoved(String toNode, String userKey) implements ChannelEvent {}

  /** The event in a payload, or null for one this version does not know. */
  static ChannelEvent parse(String payload) {
    if (payload.length() < 2) {
      return null;
    }
    String body = payload.substring(2);
    String[] parts = body.split(" ", 2);
    return switch (payload.charAt(0)) {
      case 'm' -> message(body);
      case 'p' -> new SeatsChanged(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : "");
      case 'v' -> parts.length == 2 ? new SeatMoved(parts[0], parts[1]) : null;
      default -> null;
    };
  }

  /** {@code <id> <epoch> <origin> <frame>}, or null. */
  private static Message message(String body) {
    String[] parts = body.split(" ", 4);
    return parts.length < 4 ? null : new Message(Long.parseLong(parts[0]), parts[1], parts[2], parts[3]);
  }
}
