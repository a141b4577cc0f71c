package chat.bench.protocol;

import chat.bench.ws.FrameHandler;
import chat.bench.ws.WsClient;
import java.nio.charset.StandardCharsets;

/**
 * Our protocol (one JSON object per frame), as a v1 client: protocol v2's frames (a join's {@code history}) and
 * fields are ignored. Relies on the codec writing {@code "type"} first, {@code "ref"} right after it in acks and
 * a failed ack's {@code "error"} right after the ref, which chat-protocol's ProtocolCodec does.
 */
final class ChatJsonAdapter implements ProtocolAdapter {
  private static final byte[] ACK = Ascii.bytes("{\"type\":\"ack\",\"ref\":");
  private static final byte[] MESSAGE = Ascii.bytes("{\"type\":\"message\"");
  private static final byte[] ROOM_DATA = Ascii.bytes("{\"type\":\"roomData\"");
  private static final byte[] ERROR = Ascii.bytes("{\"type\":\"error\"");
  private static final byte[] ACK_ERROR = Ascii.bytes(",\"error\":");

  private final AsciiBuilder out = new AsciiBuilder();

  @Override
  public String path() {
    return "/";
  }

  @Override
  public void join(WsClient client, long ref, String username, String room) {
    out.clear().append("{\"type\":\"join\",\"ref\":").append(ref).append(",\"username\":\"").append(username)
        .append("\",\"room\":\"").append(room).append("\"}");
    client.sendText(out.array(), 0, out.length());
  }

  @Override
  public void sendMessage(WsClient client, long ref, byte[] text, int offset, int length) {
    out.clear().append("{\"type\":\"sendMessage\",\"ref\":").append(ref).append(",\"text\":\"")
        .append(text, offset, length).append("\"}");
    client.sendText(out.array(), 0, out.length());
  }

  @Override
  public FrameHandler handler(ChatEvents events) {
    return new FrameHandler() {
      @Override
      public void onOpen(WsClient client) {
        events.onReady(client);
      }

      @Override
      public void onText(WsClient client, byte[] bytes, int offset, int length) {
        dispatch(events, client, bytes, offset, length);
      }

      @Override
      public void onClosed(WsClient client, String reason) {
        events.onClosed(client, reason);
      }
    };
  }

  private static void dispatch(ChatEvents events, WsClient client, byte[] bytes, int offset, int length) {
    int end = offset + length;
    if (Ascii.startsWith(bytes, offset, length, MESSAGE)) {
      MessageText.deliver(events, client, bytes, offset + MESSAGE.length, end);
    } else if (Ascii.startsWith(bytes, offset, length, ACK)) {
      int refStart = offset + ACK.length;
      int refEnd = Ascii.skipDigits(bytes, refStart, end);
      // Not "ends after the ref": v2 acks of successes carry an id or a resume token there.
      boolean ok = refEnd < end && !Ascii.startsWith(bytes, refEnd, end - refEnd, ACK_ERROR);
      events.onAck(client, Ascii.parseLong(bytes, refStart, refEnd), ok);
    } else if (Ascii.startsWith(bytes, offset, length, ROOM_DATA)) {
      events.onRoomData(client, bytes, offset, length);
    } else if (Ascii.startsWith(bytes, offset, length, ERROR)) {
      events.onProtocolError(client, new String(bytes, offset, length, StandardCharsets.UTF_8));
    }
  }
}
