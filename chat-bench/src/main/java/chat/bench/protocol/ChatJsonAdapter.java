package chat.bench.protocol;

import chat.bench.ws.FrameHandler;
import chat.bench.ws.WsClient;
import java.nio.charset.StandardCharsets;

/**
 * Our protocol (one JSON object per frame), v1 and as much of v2 as the scenarios use: a send's {@code clientId}
 * and its ack's {@code id}, a join's {@code since}/{@code epoch}/{@code resumeToken} and its ack's token, message
 * ids and whole {@code history} frames. Relies on the codec writing {@code "type"} first, {@code "ref"} right
 * after it in acks, then a failed ack's {@code "error"}, else a send's {@code "id"} or a join's
 * {@code "resumeToken"}, and a message's {@code "id"} right after its type, which chat-protocol's ProtocolCodec
 * does.
 */
final class ChatJsonAdapter implements ProtocolAdapter {
  private static final byte[] ACK = Ascii.bytes("{\"type\":\"ack\",\"ref\":");
  private static final byte[] MESSAGE = Ascii.bytes("{\"type\":\"message\"");
  private static final byte[] HISTORY = Ascii.bytes("{\"type\":\"history\"");
  private static final byte[] ROOM_DATA = Ascii.bytes("{\"type\":\"roomData\"");
  private static final byte[] ERROR = Ascii.bytes("{\"type\":\"error\"");
  private static final byte[] ACK_ERROR = Ascii.bytes(",\"error\":");
  private static final byte[] ID = Ascii.bytes(",\"id\":");
  private static final byte[] RESUME_TOKEN = Ascii.bytes(",\"resumeToken\":\"");

  private final AsciiBuilder out = new AsciiBuilder();

  @Override
  public String path() {
    return "/";
  }

  @Override
  public void join(WsClient client, long ref, String username, String room) {
    startJoin(ref, username, room);
    client.sendText(out.append('}').array(), 0, out.length());
  }

  @Override
  public void resumeJoin(WsClient client, long ref, String username, String room, long since, String epoch,
      String resumeToken) {
    startJoin(ref, username, room).append(",\"since\":").append(since);
    if (epoch != null) {
      out.append(",\"epoch\":\"").append(epoch).append('"');
    }
    if (resumeToken != null) {
      out.append(",\"resumeToken\":\"").append(resumeToken).append('"');
    }
    client.sendText(out.append('}').array(), 0, out.length());
  }

  private AsciiBuilder startJoin(long ref, String username, String room) {
    return out.clear().append("{\"type\":\"join\",\"ref\":").append(ref).append(",\"username\":\"").append(username)
        .append("\",\"room\":\"").append(room).append('"');
  }

  @Override
  public void sendMessage(WsClient client, long ref, byte[] text, int offset, int length, String clientId) {
    out.clear().append("{\"type\":\"sendMessage\",\"ref\":").append(ref).append(",\"text\":\"")
        .append(text, offset, length).append('"');
    if (clientId != null) {
      out.append(",\"clientId\":\"").append(clientId).append('"');
    }
    client.sendText(out.append('}').array(), 0, out.length());
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
      int from = offset + MESSAGE.length;
      MessageText.deliver(events, client, idAt(bytes, from, end), bytes, from, end);
    } else if (Ascii.startsWith(bytes, offset, length, ACK)) {
      ack(events, client, bytes, offset + ACK.length, end);
    } else if (Ascii.startsWith(bytes, offset, length, ROOM_DATA)) {
      events.onRoomData(client, bytes, offset, length);
    } else if (Ascii.startsWith(bytes, offset, length, HISTORY)) {
      events.onHistory(client, bytes, offset, length);
    } else if (Ascii.startsWith(bytes, offset, length, ERROR)) {
      events.onProtocolError(client, new String(bytes, offset, length, StandardCharsets.UTF_8));
    }
  }

  private static void ack(ChatEvents events, WsClient client, byte[] bytes, int refStart, int end) {
    int refEnd = Ascii.skipDigits(bytes, refStart, end);
    long ref = Ascii.parseLong(bytes, refStart, refEnd);
    // Not "ends after the ref": v2 acks of successes carry an id or a resume token there.
    if (refEnd >= end || Ascii.startsWith(bytes, refEnd, end - refEnd, ACK_ERROR)) {
      events.onAck(client, ref, false, -1);
      return;
    }
    if (Ascii.startsWith(bytes, refEnd, end - refEnd, RESUME_TOKEN)) {
      int tokenStart = refEnd + RESUME_TOKEN.length;
      int tokenEnd = Ascii.stringEnd(bytes, tokenStart, end);
      if (tokenEnd > tokenStart) {
        events.onResumeToken(client, new String(bytes, tokenStart, tokenEnd - tokenStart, StandardCharsets.US_ASCII));
      }
    }
    events.onAck(client, ref, true, idAt(bytes, refEnd, end));
  }

  /** The number of an {@code ,"id":N} starting at {@code at}, or -1 when there is none there. */
  private static long idAt(byte[] bytes, int at, int end) {
    if (!Ascii.startsWith(bytes, at, end - at, ID)) {
      return -1;
    }
    int digits = at + ID.length;
    return Ascii.skipDigits(bytes, digits, end) == digits ? -1 : Ascii.parseLong(bytes, digits, end);
  }
}
