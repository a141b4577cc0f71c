package chat.server.cluster;

import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;

/**
 * What a room's channel carries: a numbered message ({@code m}, published by the post script), a change of
 * the room's seats ({@code p <version> <node>}), or a seat moved to another node ({@code v <node> <key>}).
 */
sealed interface ChannelEvent {
  record Message(LogEntry entry) implements ChannelEvent {}

  record SeatsChanged(long version, String byNode) implements ChannelEvent {}

  record SeatMoved(String toNode, String userKey) implements ChannelEvent {}

  /** The event in a payload, or null for one this version does not know. */
  static ChannelEvent parse(ProtocolCodec codec, String payload) throws ProtocolException {
    if (payload.length() < 2) {
      return null;
    }
    String body = payload.substring(2);
    String[] parts = body.split(" ", 2);
    return switch (payload.charAt(0)) {
      case 'm' -> {
        LogEntry entry = LogEntry.fromChannel(codec, body);
        yield entry == null ? null : new Message(entry);
      }
      case 'p' -> new SeatsChanged(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : "");
      case 'v' -> parts.length == 2 ? new SeatMoved(parts[0], parts[1]) : null;
      default -> null;
    };
  }
}
