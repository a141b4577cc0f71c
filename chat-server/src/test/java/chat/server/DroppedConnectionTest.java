package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.testing.CloseStatus;
import chat.protocol.testing.TestClient;
import chat.server.support.RunningServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Over real sockets: a lost connection keeps its seat for the grace, and a resume token takes it back. */
class DroppedConnectionTest {
  @RegisterExtension final RunningServer running = new RunningServer(Map.of("RECONNECT_GRACE", "30s",
      "ROOM_DATA_DELAY", "0"));

  @Test
  void aCutConnectionKeepsItsSeatAndTheTokenTakesItBackWithWhatWasMissed() {
    TestClient alice = running.joined("Alice", "lobby");
    TestClient bob = running.joined("Bob", "lobby");
    alice.skipToUsers("Alice", "Bob");
    bob.closeAbruptly();
    alice.say("while you were away");

    TestClient back = running.connect();
    assertTrue(back.rejoin(bob).isOk());

    History history = back.joinHistory();
    assertEquals(Boolean.TRUE, history.recovered());
    assertEquals(List.of("while you were away"),
        history.messages().stream().map(m -> ((ChatMessage) m).text()).toList());
    assertTrue(alice.say("marker").isOk());
    alice.awaitMessage("marker");
    assertTrue(alice.received().stream().noneMatch(m -> m instanceof ChatMessage chat
        && (chat.text().equals("Bob has left!") || chat.text().equals("Bob has joined!") && chat.id() > 2)),
        "Alice saw Bob neither leave nor join again: " + alice.received());
    assertEquals(List.of("Alice", "Bob"), running.server().rooms().usernames("lobby"));
  }

  @Test
  void aTokenFromAConnectionThatStillLooksOpenTakesOverAndClosesIt() {
    TestClient alice = running.joined("Alice", "lobby");
    TestClient halfOpen = running.joined("Bob", "lobby");

    TestClient back = running.connect();
    assertTrue(back.rejoin(halfOpen).isOk());

    CloseStatus closed = halfOpen.awaitClose();
    assertEquals(1000, closed.code());
    assertTrue(back.say("still here").isOk());
    alice.awaitMessage("still here");
    assertTrue(alice.received().stream().noneMatch(m -> m instanceof ChatMessage chat
        && chat.text().equals("Bob has left!")), "the takeover is silent: " + alice.received());
    assertEquals(List.of("Alice", "Bob"), running.server().rooms().usernames("lobby"));
  }

  @Test
  void aCleanCloseLeavesAtOnce() {
    TestClient alice = running.joined("Alice", "lobby");
    running.joined("Bob", "lobby").close();

    alice.awaitMessage("Bob has left!");
  }

  @Test
  void theNameOfACutConnectionStaysTakenDuringTheGrace() {
    running.joined("Bob", "lobby").closeAbruptly();

    assertEquals("Username is in use!", running.connect().join("Bob", "lobby").error());
  }
}
