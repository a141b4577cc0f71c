package chat.bench.protocol;

import chat.bench.ws.FrameHandler;
import chat.bench.ws.WsClient;

/**
 * One wire protocol as the scenarios need it: the WebSocket path, the three requests, and a frame handler that
 * turns server frames into {@link ChatEvents}. Loop thread only. {@code text} must need no JSON escaping.
 */
public interface ProtocolAdapter {

  String path();

  FrameHandler handler(ChatEvents events);

  void join(WsClient client, long ref, String username, String room);

  void sendMessage(WsClient client, long ref, byte[] text, int offset, int length);

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
