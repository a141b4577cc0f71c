package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.Ack;
import chat.server.support.Await;
import chat.server.support.SwitchableStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A store that cannot write refuses what it cannot keep, sends it to nobody, and comes back when it can. */
class FailingStoreTest {
  private final SwitchableStore store = new SwitchableStore();

  @Test
  void aSendThatCannotBeStoredIsRefusedAndReachesNobody() {
    try (RoomHarness rooms = new RoomHarness(Map.of(), store)) {
      FakeConnection alice = rooms.joined("Alice", "lobby");
      FakeConnection bob = rooms.joined("Bob", "lobby");
      alice.peer().clear();
      store.failing(true);

      assertEquals(Rejection.COULD_NOT_SAVE.text(), alice.say("lost?").error());
      assertEquals(List.of(), alice.peer().delivered());
      assertEquals(List.of(), bob.peer().delivered());
      assertNotNull(rooms.log().problem(), "the failure shows on /healthz");
    }
  }

  @Test
  void theServerCarriesOnOnceTheStoreWorksAgain() {
    try (RoomHarness rooms = new RoomHarness(Map.of(), store)) {
      FakeConnection alice = rooms.joined("Alice", "lobby");
      long before = alice.say("one").id();
      store.failing(true);
      alice.say("lost");
      store.failing(false);

      Ack ack = alice.say("two");

      assertTrue(ack.isOk());
      assertEquals(before + 1, ack.id(), "the refused message used no id");
      assertNull(rooms.log().problem());
    }
  }

  @Test
  void aJoinWhoseNoticeCannotBeStoredIsRefusedAndFreesTheName() {
    try (RoomHarness rooms = new RoomHarness(Map.of(), store)) {
      store.failing(true);
      assertEquals(Rejection.COULD_NOT_SAVE.text(), rooms.connect().join("Alice", "lobby").error());
      store.failing(false);
      // the undo runs on the scheduler
      Await.until("the name is free again", () -> rooms.service().usernames("lobby").isEmpty());
      assertTrue(rooms.connect().join("Alice", "lobby").isOk());
    }
  }
}
