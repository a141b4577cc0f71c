package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.testing.Await;
import chat.protocol.testing.TestClient;
import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** The list changes only once the server accepted the new room; a refused switch leaves everything as it was. */
class RoomSwitchTest extends DesktopUiTest {

  @Test
  void aRefusedSwitchLeavesTheOldRoomAndItsList() {
    participant("alice", "kitchen");
    TestClient bob = participant("Bob", "lobby");
    joinAs("Alice", "lobby");
    bob.said("lobby talk");
    Await.until("Bob's message shows", () -> shownMessages().contains("lobby talk"));
    List<String> before = shownMessages();
    switchTo("kitchen");
    Await.untilFx("the refusal shows", () -> lookup("#chatError").queryAs(Label.class).getText()
        .equals("Could not switch to kitchen: Username is in use!"));
    assertEquals(before, shownMessages());
    assertEquals("lobby", Await.fx(() -> chat().roomProperty().get()));
    assertEquals(List.of("Bob", "Alice"), users());
  }

  @Test
  void anAcceptedSwitchShowsTheNewRoomsHistoryAndNothingOfTheOldOne() {
    TestClient carol = participant("Carol", "kitchen");
    carol.said("kitchen talk");
    TestClient bob = participant("Bob", "lobby");
    joinAs("Alice", "lobby");
    bob.said("lobby talk");
    Await.until("Bob's message shows", () -> shownMessages().contains("lobby talk"));
    switchTo("kitchen");
    Await.untilFx("the room is kitchen", () -> chat().roomProperty().get().equals("kitchen"));
    Await.until("the kitchen's history shows", () -> shownMessages().contains("Welcome!"));
    bob.said("lobby after the switch");
    carol.said("welcome to the kitchen");
    Await.until("Carol's message shows", () -> shownMessages().contains("welcome to the kitchen"));
    List<String> shown = shownMessages();
    assertTrue(shown.contains("kitchen talk"), shown.toString());
    assertTrue(shown.stream().noneMatch(text -> text.startsWith("lobby")), "no lobby frames: " + shown);
    assertEquals(List.of("Carol", "Alice"), users());
  }

  private void switchTo(String room) {
    clickOnFx("#switchRoomField").write(room);
    clickOnFx("#switchRoomButton");
  }
}
