package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.testing.Await;
import chat.protocol.ServerMessage;
import chat.protocol.testing.TestClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Only the desktop's connection drops (through a relay that cuts it), while the room goes on: back online, the
 * app shows what was said meanwhile once and in order, and the others never saw it leave or join.
 */
class DroppedConnectionTest extends RelayedDesktopUiTest {
  @Test
  void whatWasSaidDuringADropAppearsOnceInOrderAndNobodySawALeave() {
    TestClient bob = participant("Bob", "lobby");
    joinAs("Alice", "lobby");
    bob.said("before");
    Await.until("the first message shows", () -> shownMessages().contains("before"));

    int seenBefore = bob.received().size();
    relay.cut();
    Await.until("the window shows it is offline", () -> connectionText().startsWith("Connection lost"));
    bob.said("while you were away 1");
    bob.said("while you were away 2");
    relay.heal();
    Await.until("connected again", () -> connectionText().equals("Connected"));
    Await.until("the missed messages show", () -> shownMessages().contains("while you were away 2"));
    bob.said("after");
    Await.until("live again", () -> shownMessages().contains("after"));

    List<String> shown = shownMessages();
    assertEquals(List.of("before", "while you were away 1", "while you were away 2", "after"),
        shown.stream().filter(text -> text.equals("before") || text.equals("after") || text.startsWith("while"))
            .toList(), "once each, in order: " + shown);
    assertEquals(1, shown.stream().filter("Welcome!"::equals).count(), "one Welcome!: " + shown);
    List<ServerMessage> sinceTheCut = bob.received().subList(seenBefore, bob.received().size());
    assertTrue(sinceTheCut.stream().noneMatch(message -> message instanceof ServerMessage.ChatMessage chat
        && (chat.text().equals("Alice has left!") || chat.text().equals("Alice has joined!"))),
        "Bob saw no leave or join");
  }
}
