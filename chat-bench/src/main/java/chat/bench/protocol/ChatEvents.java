package chat.bench.protocol;

import chat.bench.ws.WsClient;

/** What a scenario hears from the server, decoded just enough: raw byte ranges, never parsed objects. */
public interface ChatEvents {

  /** The connection can send requests (after the socket.io namespace connect, for that protocol). */
  void onReady(WsClient client);

  /** {@code id}: the id a protocol v2 send's ack carries (the message is stored), or -1 when it has none. */
  void onAck(WsClient client, long ref, boolean ok, long id);

  /** The resume token a protocol v2 join's ack carries; called just before that ack's {@link #onAck}. */
  void onResumeToken(WsClient client, String token);

  /**
   * A chat message (user or system); {@code text} spans the JSON string's raw content. {@code id}: its id in
   * the room (protocol v2), or -1 when it has none (the Welcome!, servers without history).
   */
  void onMessage(WsClient client, long id, byte[] bytes, int textOffset, int textLength);

  /** A protocol v2 history frame, whole, for {@link HistoryFrame}. */
  void onHistory(WsClient client, byte[] bytes, int offset, int length);

  /** A roomData frame; the span is the whole frame, for {@link RosterCheck}. */
  void onRoomData(WsClient client, byte[] bytes, int offset, int length);

  /** A frame the scenario did not expect (an error frame, a server disconnect packet). */
  void onProtocolError(WsClient client, String what);

  void onClosed(WsClient client, String reason);
}
