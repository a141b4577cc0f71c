package chat.bench.protocol;

import chat.bench.ws.WsClient;

/** What a scenario hears from the server, decoded just enough: raw byte ranges, never parsed objects. */
public interface ChatEvents {

  /** The connection can send requests (after the socket.io namespace connect, for that protocol). */
  void onReady(WsClient client);

  void onAck(WsClient client, long ref, boolean ok);

  /** A chat message (user or system); {@code text} spans the JSON string's raw content. */
  void onMessage(WsClient client, byte[] bytes, int textOffset, int textLength);

  /** A roomData frame; the span is the whole frame, for {@link RosterCheck}. */
  void onRoomData(WsClient client, byte[] bytes, int offset, int length);

  /** A frame the scenario did not expect (an error frame, a server disconnect packet). */
  void onProtocolError(WsClient client, String what);

  void onClosed(WsClient client, String reason);
}
