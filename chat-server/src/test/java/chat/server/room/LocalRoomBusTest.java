package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage;
import chat.server.metrics.RoomMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalRoomBusTest {
  private final LocalRoomBus bus = new LocalRoomBus(new RoomMetrics(new PrometheusRegistry()));
  private final RecordingPeer alice = new RecordingPeer();
  private final RecordingPeer bob = new RecordingPeer();

  @Test
  void aPublishIsDeliveredToEverySubscriberOnceInPublishOrder() {
    bus.subscribe("lobby", alice);
    bus.subscribe("lobby", bob);
    bus.subscribe("lobby", bob);

    bus.publish("lobby", message(1));
    bus.publish("lobby", message(2));

    assertEquals(List.of(message(1), message(2)), alice.delivered());
    assertEquals(List.of(message(1), message(2)), bob.delivered());
    assertEquals(List.of(), alice.sent(), "the bus delivers; it never sends");
  }

  @Test
  void onlySubscribersOfThatRoomGetIt() {
    bus.subscribe("lobby", alice);
    bus.subscribe("kitchen", bob);

    bus.publish("lobby", message(1));

    assertEquals(List.of(), bob.delivered());
  }

  @Test
  void anUnsubscribedPeerGetsNothingMore() {
    bus.subscribe("lobby", alice);
    bus.subscribe("lobby", bob);
    bus.publish("lobby", message(1));

    bus.unsubscribe("lobby", bob);
    bus.publish("lobby", message(2));
    bus.unsubscribe("lobby", alice);
    bus.publish("lobby", message(3));

    assertEquals(List.of(message(1)), bob.delivered());
    assertEquals(List.of(message(1), message(2)), alice.delivered());
  }

  private static ServerMessage message(long id) {
    return new ChatMessage(id, "Alice", "m" + id, 0, false);
  }
}
