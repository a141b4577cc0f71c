package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import chat.protocol.ServerMessage.Ack;
import org.junit.jupiter.api.Test;

class AckRetryAfterTest {
  private final ProtocolCodec codec = new ProtocolCodec();

  @Test
  void aThrottledAckCarriesItsRetryAfter() {
    assertEquals("{\"type\":\"ack\",\"ref\":4,\"error\":\"slow down\",\"code\":\"rate_limited\",\"retryAfterMs\":250}",
        codec.encode(Ack.throttled(4, "slow down", 250)));
  }

  @Test
  void aThrottledAckRoundTrips() throws ProtocolException {
    Ack ack = Ack.throttled(4, "slow down", 250);
    assertEquals(ack, codec.decodeServer(codec.encode(ack)));
  }

  @Test
  void plainAcksHaveNoRetryAfter() throws ProtocolException {
    assertEquals("{\"type\":\"ack\",\"ref\":1}", codec.encode(Ack.ok(1)));
    assertNull(((Ack) codec.decodeServer("{\"type\":\"ack\",\"ref\":1,\"error\":\"x\"}")).retryAfterMs());
  }
}
