package chat.bench.protocol;

import chat.bench.ws.FrameHandler;
import chat.bench.ws.WsClient;
import java.nio.charset.StandardCharsets;

/**
 * Engine.IO v4 / Socket.IO v5 over a plain WebSocket, websocket transport only: "0{..}" open -> we send "40"
 * (default namespace) -> "40{sid}" ready; "2" ping -> "3" pong; "42[event,data]" events; our emits with ack
 * "42<ref>[...]" are answered "43<ref>[]" (ok) or "43<ref>[error]". Protocol v1 only: no ids, no history.
 */
final class SocketIoAdapter implements ProtocolAdapter {
  private static final byte[] CONNECT_NAMESPACE = Ascii.bytes("40");
  private static final byte[] PONG = Ascii.bytes("3");
  private static final byte[] MESSAGE = Ascii.bytes("42[\"message\",");
  private static final byte[] ROOM_DATA = Ascii.bytes("42[\"roomData\",");
  private static final byte[] ACK = Ascii.bytes("43");

  private final AsciiBuilder out = new AsciiBuilder();

  @Override
  public String path() {
    return "/socket.io/?EIO=4&transport=websocket";
  }

  @Override
  public void join(WsClient client, long ref, String username, String room) {
    out.clear().append("42").append(ref).append("[\"join\",{\"username\":\"").append(username)
        .append("\",\"room\":\"").append(room).append("\"}]");
    client.sendText(out.array(), 0, out.length());
  }

  /** The socket.io reference has no history: protocol v2's resume is not in its protocol. */
  @Override
  public void resumeJoin(WsClient client, long ref, String username, String room, long since, String epoch,
      String resumeToken) {
    throw new UnsupportedOperationException("the socket.io reference has no protocol v2 (resuming joins)");
  }

  @Override
  public void sendMessage(WsClient client, long ref, byte[] text, int offset, int length, String clientId) {
    if (clientId != null) {
      throw new UnsupportedOperationException("the socket.io reference has no protocol v2 (clientIds)");
    }
    out.clear().append("42").append(ref).append("[\"sendMessage\",\"").append(text, offset, length).append("\"]");
    client.sendText(out.array(), 0, out.length());
  }

  @Override
  public FrameHandler handler(ChatEvents events) {
    return new FrameHandler() {
      @Override
      public void onOpen(WsClient client) {
        // wait for the Engine.IO open packet
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
      MessageText.deliver(events, client, -1, bytes, offset + MESSAGE.length, end);
    } else if (Ascii.startsWith(bytes, offset, length, ROOM_DATA)) {
      events.onRoomData(client, bytes, offset, length);
    } else if (Ascii.startsWith(bytes, offset, length, ACK)) {
      int refEnd = Ascii.skipDigits(bytes, offset + 2, end);
      boolean ok = refEnd + 1 < end && bytes[refEnd] == '[' && bytes[refEnd + 1] == ']';
      events.onAck(client, Ascii.parseLong(bytes, offset + 2, refEnd), ok, -1);
    } else if (length == 1 && bytes[offset] == '2') {
      client.sendText(PONG, 0, PONG.length);
    } else if (bytes[offset] == '0') {
      client.sendText(CONNECT_NAMESPACE, 0, CONNECT_NAMESPACE.length);
    } else if (Ascii.startsWith(bytes, offset, length, CONNECT_NAMESPACE)) {
      events.onReady(client);
    } else if (length >= 2 && bytes[offset] == '4' && (bytes[offset + 1] == '1' || bytes[offset + 1] == '4')) {
      events.onProtocolError(client, new String(bytes, offset, length, StandardCharsets.UTF_8));
    }
  }
}
