package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ActiveRooms;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.testing.TestClient;
import chat.server.support.Await;
import chat.server.support.RunningServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DisconnectTest {
  @RegisterExtension final RunningServer running = new RunningServer();

  @Test
  void disconnectTellsTheRoomAndUpdatesItsUserList() {
    TestClient alice = running.joined("Alice", "lobby");
    TestClient bob = running.joined("Bob", "lobby");
    alice.skipToUsers("Alice", "Bob");

    bob.close();

    ChatMessage left = alice.skipTo(ChatMessage.class, m -> m.text().endsWith("has left!"));
    assertEquals("Bob has left!", left.text());
    assertTrue(left.system());
    alice.skipToUsers("Alice");
  }

  @Test
  void aNameIsFreeAgainOnceItsUserLeaves() {
    TestClient alice = running.joined("Alice", "lobby");
    TestClient first = running.joined("Bob", "lobby");
    alice.skipToUsers("Alice", "Bob");
    first.close();
    alice.skipToUsers("Alice");

    assertTrue(running.connect().join("BOB", "lobby").isOk());
  }

  @Test
  void aConnectionThatNeverJoinedGoesAwayWithoutATrace() {
    TestClient alice = running.joined("Alice", "lobby");
    running.connect().close();

    assertTrue(alice.say("still fine").isOk());
    assertEquals("still fine", alice.skipTo(ChatMessage.class, m -> !m.system()).text());
    assertEquals(List.of("Alice"), running.server().rooms().usernames("lobby"));
  }

  @Test
  void aRoomDisappearsFromTheActiveListWhenItsLastUserLeaves() {
    TestClient alice = running.joined("Alice", "lobby");
    running.joined("Carol", "kitchen");
    assertEquals(List.of(new ActiveRooms.Room("kitchen", 1), new ActiveRooms.Room("lobby", 1)),
        running.server().rooms().activeRooms().rooms());

    alice.close();

    Await.until("lobby is gone", () -> running.server().rooms().activeRooms().rooms()
        .equals(List.of(new ActiveRooms.Room("kitchen", 1))));
  }
}
