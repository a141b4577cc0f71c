package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.location.GeoPosition;
import chat.desktop.location.SavedLocation;
import chat.desktop.testing.Await;
import chat.protocol.ServerMessage;
import chat.protocol.testing.TestClient;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

class ChatWindowTest extends DesktopUiTest {

  @Test
  void typedMessagesReachTheOtherClientAndTheFieldClearsOnAck() {
    TestClient bob = participant("Bob", "lobby");
    joinAs("Alice", "lobby");
    clickOnFx("#messageField").write("Hello Bob").type(KeyCode.ENTER);
    bob.await(ServerMessage.ChatMessage.class, m -> m.username().equals("Alice") && m.text().equals("Hello Bob"));
    Await.untilFx("the field is cleared", () -> field("#messageField").getText().isEmpty());
    assertTrue(messageTexts().contains("Hello Bob"));
  }

  @Test
  void messagesFromTheOtherClientAppearWithNameAndTime() {
    TestClient bob = participant("Bob", "lobby");
    joinAs("Alice", "lobby");
    bob.say("Hi Alice, welcome aboard");
    Await.until("Bob's message shows", () -> messageTexts().contains("Hi Alice, welcome aboard"));
    Await.untilFx("the cell shows Bob's name", () -> lookup(".message-name").queryAllAs(Label.class).stream()
        .anyMatch(label -> label.getText().equals("Bob")));
    assertTrue(Await.fx(() -> lookup(".message-time").queryAllAs(Label.class).stream()
        .allMatch(label -> label.getText().matches("\\d{1,2}:\\d{2} [AP]M"))));
  }

  @Test
  void theSidebarFollowsOthersJoiningAndLeaving() {
    joinAs("Alice", "lobby");
    TestClient bob = participant("Bob", "lobby");
    participant("Carol", "lobby");
    Await.until("Bob and Carol are listed", () -> users().equals(List.of("Alice", "Bob", "Carol")));
    assertTrue(Await.fx(() -> lookup(".user-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
        .anyMatch(cell -> "Alice (you)".equals(cell.getText()))));
    bob.close();
    Await.until("Bob is gone", () -> users().equals(List.of("Alice", "Carol")));
    Await.until("the leave notice shows", () -> messageTexts().contains("Bob has left!"));
  }

  @Test
  void aUrlInAMessageIsALinkThatOpensInTheBrowser() {
    TestClient bob = participant("Bob", "lobby");
    joinAs("Alice", "lobby");
    bob.say("Docs at https://example.org/guide?page=2. Enjoy");
    Await.untilFx("the link shows", () -> lookup(".message-url").tryQuery().isPresent());
    Hyperlink link = lookup(".message-url").queryAs(Hyperlink.class);
    assertEquals("https://example.org/guide?page=2", Await.fx(link::getText));
    clickOnFxPoint(() -> link);
    Await.until("the browser opens the URL", () -> openedLinks.equals(List.of("https://example.org/guide?page=2")));
  }

  @Test
  void textAroundAUrlStaysPlainText() {
    TestClient bob = participant("Bob", "lobby");
    joinAs("Alice", "lobby");
    bob.say("Docs at https://example.org now");
    Await.untilFx("the link shows", () -> lookup(".message-url").tryQuery().isPresent());
    assertEquals(List.of("Docs at ", " now"), Await.fx(() -> lookup(".message-run").queryAllAs(Text.class).stream()
        .map(Text::getText).toList()));
  }

  @Test
  void aSharedLocationRendersALinkThatOpensTheMap() {
    new SavedLocation(preferences).save(new GeoPosition(51.5007, -0.1246));
    TestClient bob = participant("Bob", "lobby");
    joinAs("Alice", "lobby");
    clickOnFx("#shareLocationButton");
    bob.await(ServerMessage.LocationMessage.class, m -> m.username().equals("Alice"));
    Await.untilFx("the link shows", () -> lookup(".message-link").tryQuery().isPresent());
    Hyperlink link = lookup(".message-link").queryAs(Hyperlink.class);
    assertEquals("My current location", Await.fx(link::getText));
    clickOnFxPoint(() -> link);
    Await.until("the map opens", () -> openedLinks.equals(List.of("https://www.google.com/maps?q=51.5007,-0.1246")));
  }

  @Test
  void withoutAPositionTheAppAsksAndRemembersTheAnswer() {
    joinAs("Alice", "lobby");
    clickOnFx("#shareLocationButton");
    clickOnFx("#latitudeField").write("48.8584");
    clickOnFx("#longitudeField").write("2.2945");
    clickOnFx("#locationOk");
    Await.untilFx("the link shows", () -> lookup(".message-link").tryQuery().isPresent());
    assertEquals(Optional.of(new GeoPosition(48.8584, 2.2945)), new SavedLocation(preferences).current());
  }

  @Test
  void theLocationDialogHasTheAppsStylesheet() {
    joinAs("Alice", "lobby");
    clickOnFx("#shareLocationButton");
    Await.untilFx("the dialog shows", () -> lookup("#latitudeField").tryQuery().isPresent());
    assertTrue(Await.fx(() -> lookup("#latitudeField").query().getScene().getRoot().getStylesheets()
        .contains(MainWindow.stylesheet())));
    clickOnFx("#latitudeField").write("48.8584");
    clickOnFx("#longitudeField").write("2.2945");
    clickOnFx("#locationOk");
  }

  @Test
  void sendIsDisabledWhileTheMessageIsInFlight() {
    joinAs("Alice", "lobby");
    // Typing, sending and checking in one FX turn: the ack can only be handled in a later turn.
    boolean disabledInFlight = Await.fx(() -> {
      field("#messageField").setText("first");
      button("#sendButton").fire();
      field("#messageField").setText("first, edited");
      return button("#sendButton").isDisabled() && chat().composer().sendingProperty().get();
    });
    assertTrue(disabledInFlight);
    Await.untilFx("Send is enabled again after the ack", () -> !button("#sendButton").isDisabled());
    assertEquals("first, edited", Await.fx(() -> field("#messageField").getText()));
  }

  @Test
  void shareLocationIsDisabledWhileTheLocationIsInFlight() {
    new SavedLocation(preferences).save(new GeoPosition(51.5007, -0.1246));
    joinAs("Alice", "lobby");
    boolean disabledInFlight = Await.fx(() -> {
      button("#shareLocationButton").fire();
      return button("#shareLocationButton").isDisabled();
    });
    assertTrue(disabledInFlight);
    Await.untilFx("the link shows", () -> lookup(".message-link").tryQuery().isPresent());
    Await.untilFx("Share location is enabled again", () -> !button("#shareLocationButton").isDisabled());
  }

  @Test
  void aRefusedMessageStaysWithTheErrorInline() {
    joinAs("Alice", "lobby");
    clickOnFx("#messageField").write("what an asshole").type(KeyCode.ENTER);
    Await.untilFx("the error shows", () -> lookup("#chatError").queryAs(Label.class).isVisible()
        && lookup("#chatError").queryAs(Label.class).getText().equals("Profanity is not allowed!"));
    assertEquals("what an asshole", Await.fx(() -> field("#messageField").getText()));
  }

  @Test
  void switchingRoomsMovesToTheNewRoomWithoutRestarting() {
    TestClient bob = participant("Bob", "lobby");
    joinAs("Alice", "lobby");
    bob.skipToUsers("Bob", "Alice");
    clickOnFx("#switchRoomField").write("kitchen").type(KeyCode.ENTER);
    Await.untilFx("the room is kitchen", () -> stage.getTitle().equals("#kitchen — Chat App"));
    Await.until("only Alice is in the kitchen", () -> users().equals(List.of("Alice")));
    bob.awaitUsers("Bob"); // after the list with Alice: she has left the lobby
  }
}
