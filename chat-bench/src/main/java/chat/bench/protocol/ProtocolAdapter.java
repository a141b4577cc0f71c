package chat.bench.protocol;

import chat.bench.ws.FrameHandler;
import chat.bench.ws.WsClient;

/**
 * One wire protocol as the scenarios need it: the WebSocket path, the requests, and a frame handler that turns
 * server frames into {@link ChatEvents}. Loop thread only. {@code text} must need no JSON escaping.
 */
public interface ProtocolAdapter {

  String path();

  FrameHandler handler(ChatEvents events);

  void join(WsClient client, long ref, String username, String room);

  /**
   * A protocol v2 join of a user coming back: {@code since} the last id it has of the room, in {@code epoch},
   * with the {@code resumeToken} of its previous join's ack.
   */
  void resumeJoin(WsClient client, long ref, String username, String room, long since, String epoch,
      String resumeToken);

  /** {@code clientId}: the protocol v2 key that makes a retried send post once; null for a v1 send. */
  void sendMessage(WsClient client, long ref, byte[] text, int offset, int length, String clientId);

  static ProtocolAdapter named(String name) {
    switch (name) {
      case "chat":
        return new ChatJsonAdapter();
      case "socketio":
        return new SocketIoAdapter();
      default:
        throw new IllegalArgumentException("Unknown protocol '" + name + "' (chat or socketio)");
    }
  }
}
