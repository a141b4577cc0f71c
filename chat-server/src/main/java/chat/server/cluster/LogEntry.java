package chat.server.cluster;

import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.LocationMessage;
import chat.server.room.RoomMessage;
import io.lettuce.core.StreamMessage;

/**
 * A numbered room message as the cluster carries it: in the room's log (a stream entry {@code <id>-1} with the
 * message's frame, id left out, its origin and its epoch) and on the room's channel ({@code m <id> <epoch> <origin>
 * <frame>}). The origin ({@code <node>:<n>}) lets the node that posted it find its own request.
 */
record LogEntry(long id, String epoch, String origin, ServerMessage message) {

  /** The frame stored for a message about to be numbered by the post script. */
  static String body(ProtocolCodec codec, RoomMessage message) {
    return codec.encode(message.withId(0));
  }

  /** A message from the room's channel, its frame decoded. */
  static LogEntry fromChannel(ProtocolCodec codec, ChannelEvent.Message message) throws ProtocolException {
    return new LogEntry(message.id(), message.epoch(), message.origin(),
        numbered(codec.decodeServer(message.frame()), message.id()));
  }

  static LogEntry fromStream(ProtocolCodec codec, String epoch, StreamMessage<String, String> entry)
      throws ProtocolException {
    String streamId = entry.getId();
    long id = Long.parseLong(streamId.substring(0, streamId.indexOf('-')));
    // The epoch it was posted in; a log kept across a new epoch (decision 16) holds entries of the old one too.
    String posted = entry.getBody().getOrDefault("e", epoch);
    return new LogEntry(id, posted, entry.getBody().getOrDefault("o", ""),
        numbered(codec.decodeServer(entry.getBody().get("m")), id));
  }

  /** The stream entry id of a message id. */
  static String streamId(long id) {
    return id + "-1";
  }

  static ServerMessage numbered(ServerMessage message, long id) {
    if (message instanceof ChatMessage chat) {
      return new ChatMessage(id, chat.username(), chat.text(), chat.createdAt(), chat.system(), chat.clientId());
    }
    if (message instanceof LocationMessage location) {
      return new LocationMessage(id, location.username(), location.latitude(), location.longitude(),
          location.url(), location.createdAt(), location.clientId());
    }
    throw new IllegalArgumentException("not a room message: " + message.getClass().getSimpleName());
  }
}
