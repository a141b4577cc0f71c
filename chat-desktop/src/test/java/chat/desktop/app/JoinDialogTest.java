package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.testing.Await;
import chat.protocol.ActiveRooms;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

class JoinDialogTest extends DesktopUiTest {

  @Test
  void joiningOpensTheChatWindowWithTheRoomInTheTitle() {
    joinAs("Alice", "Lobby");
    Await.untilFx("the title shows the room", () -> stage.getTitle().equals("#lobby — Chat App"));
    assertEquals(List.of("Alice"), users());
    assertTrue(messageTexts().contains("Welcome!"));
    assertEquals("#lobby", Await.fx(() -> lookup("#roomLabel").queryAs(Label.class).getText()));
  }

  @Test
  void aTakenNameIsShownInlineAndTheFieldsStay() {
    participant("Bob", "lobby");
    typeJoinForm("bob", "lobby");
    clickOnFx("#joinButton");
    Await.untilFx("the error shows", () -> "Username is in use!".equals(errorText()));
    assertEquals("bob", Await.fx(() -> field("#usernameField").getText()));
    assertEquals("lobby", Await.fx(() -> lookup("#roomBox").queryAs(ComboBox.class).getEditor().getText()));
    assertTrue(Await.fx(() -> !button("#joinButton").isDisabled()));
  }

  @Test
  void missingFieldsAreShownInlineWithoutConnecting() {
    clickOnFx("#joinButton");
    Await.untilFx("the error shows", () -> "Enter a username and a room".equals(errorText()));
  }

  @Test
  void anUnreachableServerIsShownInline() {
    joinThroughAnUnreachableServer();
  }

  @Test
  void anUnreachableServerSendsFocusToTheServerField() {
    joinThroughAnUnreachableServer();
    Await.untilFx("the server field is focused", () -> field("#serverField").isFocused());
  }

  private void joinThroughAnUnreachableServer() {
    Await.fx(() -> {
      field("#serverField").setText("http://127.0.0.1:1");
      return null;
    });
    typeJoinForm("Alice", "lobby");
    clickOnFx("#joinButton");
    Await.untilFx("the error shows", () -> errorText().startsWith("Cannot reach the chat server at"));
  }

  @Test
  void theRoomListShowsActiveRoomsWithMemberCounts() {
    participant("Bob", "lobby");
    participant("Carol", "lobby");
    participant("Dave", "kitchen");
    // The combo box's arrow exists once its skin is built, which may be a pulse after the dialog shows.
    Await.untilFx("the room box is ready", () -> lookup("#roomBox .arrow-button").tryQuery().isPresent());
    clickOnFxPoint(() -> lookup("#roomBox .arrow-button").queryAs(javafx.scene.Node.class));
    Await.untilFx("the rooms are listed", () -> window.joinModel().rooms().contains(new ActiveRooms.Room("lobby", 2))
        && window.joinModel().rooms().contains(new ActiveRooms.Room("kitchen", 1)));
    Await.untilFx("the drop-down shows the counts", () -> lookup("lobby  ·  2 people").tryQuery().isPresent()
        && lookup("kitchen  ·  1 person").tryQuery().isPresent());
  }

  @Test
  void leavingReturnsToTheDialogWithTheFieldsFilled() {
    joinAs("Alice", "lobby");
    clickOnFx("#leaveButton");
    Await.untilFx("the join dialog is back", () -> stage.getScene().lookup("#joinButton") != null);
    assertEquals("Alice", Await.fx(() -> field("#usernameField").getText()));
    assertEquals("Join — Chat App", Await.fx(stage::getTitle));
  }

  @Test
  void theWindowCarriesTheAppIcon() {
    assertEquals(256.0, Await.fx(() -> stage.getIcons().get(0).getWidth()));
  }

  @Test
  void theFieldsAreRememberedForNextTime() {
    joinAs("Alice", "lobby");
    assertEquals("Alice", preferences.get("join.username", null));
    assertEquals("lobby", preferences.get("join.room", null));
    assertEquals(server.address(), preferences.get("join.server", null));
  }

  private String errorText() {
    Label error = lookup("#joinError").queryAs(Label.class);
    return error.isVisible() ? error.getText() : "";
  }
}
