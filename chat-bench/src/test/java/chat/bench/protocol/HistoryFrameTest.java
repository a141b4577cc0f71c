package chat.bench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryFrameTest {
  private static final String RESUMED = "{\"type\":\"history\",\"room\":\"room0\",\"epoch\":\"k3f9\",\"messages\":["
      + "{\"type\":\"message\",\"id\":42,\"username\":\"u000000\",\"text\":\"b 0 3 12 ....\",\"createdAt\":1,"
      + "\"clientId\":\"00ff\"},"
      + "{\"type\":\"locationMessage\",\"id\":43,\"username\":\"u000000\",\"latitude\":1.0,\"longitude\":2.0,"
      + "\"url\":\"https://www.google.com/maps?q=1.0,2.0\",\"createdAt\":2},"
      + "{\"type\":\"message\",\"id\":44,\"username\":\"Admin\",\"text\":\"say \\\"text\\\":\\\"x\\\" has left!\","
      + "\"createdAt\":3,\"system\":true}],\"hasMore\":true,\"recovered\":true}";

  @Test
  void theEpochRecoveredAndEveryTextMessageWithItsId() {
    byte[] bytes = ("xx" + RESUMED).getBytes(StandardCharsets.UTF_8);
    int length = bytes.length - 2;
    List<String> entries = new ArrayList<>();

    int count = HistoryFrame.forEachMessage(bytes, 2, length, (id, text, offset, textLength) ->
        entries.add(id + " " + new String(text, offset, textLength, StandardCharsets.UTF_8)));

    assertEquals("k3f9", HistoryFrame.epoch(bytes, 2, length));
    assertEquals(Boolean.TRUE, HistoryFrame.recovered(bytes, 2, length));
    assertEquals(2, count);
    assertEquals(List.of("42 b 0 3 12 ....", "44 say \\\"text\\\":\\\"x\\\" has left!"), entries);
  }

  @Test
  void aJoinWithoutSinceHasNoRecoveredAndAFailedResumeSaysFalse() {
    byte[] plain = "{\"type\":\"history\",\"room\":\"r\",\"epoch\":\"e\",\"messages\":[],\"hasMore\":false}"
        .getBytes(StandardCharsets.UTF_8);
    byte[] failed = "{\"type\":\"history\",\"room\":\"r\",\"epoch\":\"e\",\"messages\":[],\"hasMore\":false,\"recovered\":false}"
        .getBytes(StandardCharsets.UTF_8);

    assertNull(HistoryFrame.recovered(plain, 0, plain.length));
    assertEquals(Boolean.FALSE, HistoryFrame.recovered(failed, 0, failed.length));
    assertEquals(0, HistoryFrame.forEachMessage(plain, 0, plain.length, (id, text, offset, textLength) -> {}));
  }
}
