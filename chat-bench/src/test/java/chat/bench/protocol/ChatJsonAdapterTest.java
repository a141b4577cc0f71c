package chat.bench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.bench.ws.FrameHandler;
import chat.bench.ws.WsClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench reads server frames byte by byte: protocol v2's additions must not change what it hears. */
class ChatJsonAdapterTest {
  private final List<String> events = new ArrayList<>();
  private final FrameHandler handler = new ChatJsonAdapter().handler(new Recorder());

  @Test
  void plainAcksAreOkAndAcksWithAnErrorAreNot() {
    receive("{\"type\":\"ack\",\"ref\":1}");
    receive("{\"type\":\"ack\",\"ref\":2,\"error\":\"Username is in use!\"}");
    receive("{\"type\":\"ack\",\"ref\":3,\"error\":\"slow down\",\"retryAfterMs\":100}");

    assertEquals(List.of("ack 1 ok", "ack 2 failed", "ack 3 failed"), events);
  }

  @Test
  void protocolV2AcksWithAnIdOrAResumeTokenAreOkAndCarryThem() {
    receive("{\"type\":\"ack\",\"ref\":1,\"resumeToken\":\"t1\"}");
    receive("{\"type\":\"ack\",\"ref\":2,\"id\":57}");

    assertEquals(List.of("token t1", "ack 1 ok", "ack 2 ok id 57"), events);
  }

  @Test
  void aMessagesIdIsReadAndItsClientIdIsNotItsText() {
    receive("{\"type\":\"message\",\"id\":57,\"username\":\"Alice\",\"text\":\"hi\",\"createdAt\":1,"
        + "\"clientId\":\"5b0c\"}");
    receive("{\"type\":\"message\",\"username\":\"Admin\",\"text\":\"Welcome!\",\"createdAt\":1,"
        + "\"system\":true}");

    assertEquals(List.of("message 57 hi", "message -1 Welcome!"), events);
  }

  @Test
  void aHistoryIsOneEventNotTheMessagesItHolds() {
    receive("{\"type\":\"history\",\"room\":\"lobby\",\"epoch\":\"e1\",\"messages\":[{\"type\":\"message\","
        + "\"id\":41,\"username\":\"Bob\",\"text\":\"earlier\",\"createdAt\":1}],\"hasMore\":false}");

    assertEquals(List.of("history"), events);
  }

  private void receive(String frame) {
    byte[] bytes = ("xx" + frame).getBytes(StandardCharsets.UTF_8);
    handler.onText(null, bytes, 2, bytes.length - 2); // an offset, as frames sit inside the read buffer
  }

  private final class Recorder implements ChatEvents {
    @Override
    public void onReady(WsClient client) {
      events.add("ready");
    }

    @Override
    public void onAck(WsClient client, long ref, boolean ok, long id) {
      events.add("ack " + ref + (ok ? " ok" : " failed") + (id < 0 ? "" : " id " + id));
    }

    @Override
    public void onResumeToken(WsClient client, String token) {
      events.add("token " + token);
    }

    @Override
    public void onMessage(WsClient client, long id, byte[] bytes, int textOffset, int textLength) {
      events.add("message " + id + " " + new String(bytes, textOffset, textLength, StandardCharsets.UTF_8));
    }

    @Override
    public void onHistory(WsClient client, byte[] bytes, int offset, int length) {
      events.add("history");
    }

    @Override
    public void onRoomData(WsClient client, byte[] bytes, int offset, int length) {
      events.add("roomData");
    }

    @Override
    public void onProtocolError(WsClient client, String what) {
      events.add("error " + what);
    }

    @Override
    public void onClosed(WsClient client, String reason) {
      events.add("closed");
    }
  }
}
