package chat.bench.ws;

/** What a {@link WsClient} reports, always on its loop's thread. Text arrives as raw UTF-8 bytes, unparsed. */
public interface FrameHandler {

  /** The WebSocket handshake completed. */
  void onOpen(WsClient client);

  /** One complete text message; {@code bytes} is only valid during the call. */
  void onText(WsClient client, byte[] bytes, int offset, int length);

  /** The connection is gone (closed by either side, refused, or failed). Called once. */
  void onClosed(WsClient client, String reason);
}
