package chat.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SenderOutboxTest {
  @Test
  void theUnackedAreCountedAtTheDropAndResentFirstWithTheirClientIdsThenWhatCameDueWhileAway() {
    SenderOutbox outbox = new SenderOutbox(6);
    assertTrue(outbox.due(0, "c0") && outbox.due(1, "c1") && outbox.due(2, "c2"));
    outbox.acked(0);

    assertEquals(2, outbox.drop(), "1 and 2 had no ack");
    assertFalse(outbox.due(3, "c3"), "away: it waits");
    assertFalse(outbox.due(4, "c4"));
    List<Integer> resume = outbox.resume();

    assertEquals(List.of(1, 2, 3, 4), resume);
    assertEquals("c1", outbox.clientId(1), "a resend keeps its first clientId");
    assertEquals(2, outbox.unackedAtDrop());
    assertEquals(2, outbox.resent(), "3 and 4 are first sends, not resends");
    assertTrue(outbox.wasResent(2) && !outbox.wasResent(3));
    assertTrue(outbox.due(5, "c5"), "back online");
  }

  @Test
  void aSecondAckForOneMessageIsNotCountedAgain() {
    SenderOutbox outbox = new SenderOutbox(2);
    outbox.due(0, "c0");

    assertTrue(outbox.acked(0));
    assertFalse(outbox.acked(0));
    assertEquals(1, outbox.acks());
  }

  @Test
  void aSenderWithEverythingAckedResendsNothing() {
    SenderOutbox outbox = new SenderOutbox(3);
    outbox.due(0, "c0");
    outbox.acked(0);

    assertEquals(0, outbox.drop());
    assertEquals(List.of(), outbox.resume());
  }
}
