package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.server.metrics.CloseReason;
import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.Test;

class CloseCauseTest {

  @Test
  void theServersOwnReasonWinsOverTheCode() {
    assertEquals(CloseReason.SLOW_CONSUMER, CloseCause.of(CloseFrame.POLICY_VALIDATION, false, true,
        CloseReason.SLOW_CONSUMER));
    assertEquals(CloseReason.RATE_LIMITED, CloseCause.of(CloseFrame.POLICY_VALIDATION, false, false,
        CloseReason.RATE_LIMITED));
  }

  @Test
  void withoutOneTheCodeAndWhoClosedSayWhy() {
    assertEquals(CloseReason.SHUTDOWN, CloseCause.of(CloseFrame.GOING_AWAY, false, true, null));
    assertEquals(CloseReason.DROPPED, CloseCause.of(CloseFrame.ABNORMAL_CLOSE, false, false, null));
    assertEquals(CloseReason.CLIENT, CloseCause.of(CloseFrame.NORMAL, true, false, null));
    assertEquals(CloseReason.CLIENT, CloseCause.of(CloseFrame.GOING_AWAY, true, false, null));
    assertEquals(CloseReason.TOO_BIG, CloseCause.of(CloseFrame.TOOBIG, false, false, null));
    assertEquals(CloseReason.OTHER, CloseCause.of(CloseFrame.PROTOCOL_ERROR, false, false, null));
  }
}
