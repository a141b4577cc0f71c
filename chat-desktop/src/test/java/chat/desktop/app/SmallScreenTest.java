package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.testing.Await;
import chat.desktop.window.Box;
import chat.desktop.window.WindowMemory;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The window on a 1024×600 screen, smaller than the chat window's own size. Monocle's screen size is fixed per
 * JVM, so Surefire runs the small-screen tag in a fork of its own with {@code headless.geometry} set
 * (chat-desktop/pom.xml); started any other way (an IDE) the class is skipped rather than failing on the wrong
 * screen.
 */
@Tag("small-screen")
@EnabledIfSystemProperty(named = "headless.geometry", matches = "1024x600")
class SmallScreenTest extends DesktopUiTest {
  /** As long as the server allows (64), lower case as the server keeps rooms. */
  private static final String LONG_ROOM = "the-quarterly-planning-room-for-the-whole-northern-europe-region";

  @Test
  void theScreenIsTheSmallOne() {
    assertEquals(new Rectangle2D(0, 0, 1024, 600), Await.fx(() -> Screen.getPrimary().getVisualBounds()));
    assertEquals(64, LONG_ROOM.length());
  }

  @Test
  void theJoinDialogIsCentredOnTheScreen() {
    assertEquals(new Box(272, 20, 480, 560), bounds());
  }

  @Test
  void atItsMinimumSizeTheJoinDialogShowsTheWholeCard() {
    assertEquals(420.0, Await.fx(stage::getMinWidth));
    assertEquals(520.0, Await.fx(stage::getMinHeight));
    Await.fx(() -> {
      stage.setWidth(420);
      stage.setHeight(520);
      return null;
    });
    clickOnFx("#joinButton");
    Await.untilFx("the error shows", () -> lookup("#joinError").queryAs(Label.class).isVisible());
    assertInsideTheWindow(lookup("#joinError").queryAs(Label.class));
    assertWhole("#joinButton");
  }

  @Test
  void theChatWindowGrowsWithinTheScreen() {
    joinAs("Alice", "lobby");
    assertEquals(new Box(32, 0, 960, 600), bounds());
    assertWhole("#connectionLabel");
    assertWhole("#sendButton");
    assertWhole("#shareLocationButton");
    assertWhole("#leaveButton");
  }

  @Test
  void atItsMinimumSizeTheChatWindowStillShowsEverythingWhole() {
    joinAs("Alice", "lobby");
    assertEquals(720.0, Await.fx(stage::getMinWidth));
    assertEquals(480.0, Await.fx(stage::getMinHeight));
    Await.fx(() -> {
      stage.setWidth(720);
      stage.setHeight(480);
      return null;
    });
    server.stop();
    Await.untilFx("the badge shows the longest state", () -> lookup("#connectionLabel").queryAs(Label.class)
        .getText().startsWith("Connection lost. Reconnecting… (retrying in"));
    assertWhole("#connectionLabel");
    assertWhole("#reconnectButton");
    assertWhole("#sendButton");
    assertWhole("#shareLocationButton");
    assertWhole("#leaveButton");
    server.startAgain();
  }

  @Test
  void aLongRoomNameIsCutWithAnEllipsisAndShownWholeOnHover() {
    joinAs("Alice", LONG_ROOM);
    assertEquals(new Box(32, 0, 960, 600), bounds(), "the window still fits");
    for (String id : new String[] {"#roomLabel", "#headerRoomLabel"}) {
      Label label = lookup(id).queryAs(Label.class);
      assertTrue(Await.fx(() -> shownText(label)).endsWith("…"), id + " is cut: " + Await.fx(() -> shownText(label)));
      assertEquals(LONG_ROOM, Await.fx(() -> label.getTooltip().getText()), id + "'s tooltip");
      assertInsideTheWindow(label);
    }
    String title = Await.fx(stage::getTitle);
    assertEquals("#" + LONG_ROOM.substring(0, 31) + "… — Chat App", title);
    assertWhole("#connectionLabel");
    assertWhole("#shareLocationButton");
  }

  @Test
  void theRoomListCutsALongNameAndKeepsTheCount() {
    participant("Bob", LONG_ROOM);
    ComboBox<?> rooms = lookup("#roomBox").queryAs(ComboBox.class);
    Await.untilFx("the room box is ready", () -> lookup("#roomBox .arrow-button").tryQuery().isPresent());
    clickOnFxPoint(() -> lookup("#roomBox .arrow-button").queryAs(Node.class));
    Await.untilFx("the room is listed", () -> lookup(".combo-box-popup .list-cell").queryAll().stream()
        .anyMatch(cell -> cell instanceof ListCell<?> listCell && listCell.getText() != null));
    ListCell<?> cell = Await.fx(() -> lookup(".combo-box-popup .list-cell").queryAll().stream()
        .map(node -> (ListCell<?>) node).filter(listCell -> listCell.getText() != null).findFirst().orElseThrow());
    String shown = Await.fx(() -> shownText(cell));
    assertTrue(shown.contains("…") && shown.endsWith("  ·  1 person"), "cut in the middle: " + shown);
    assertEquals(LONG_ROOM, Await.fx(() -> cell.getTooltip().getText()));
    assertTrue(Await.fx(() -> cell.getWidth() <= rooms.getWidth()), "the drop-down is no wider than the box");
  }

  @Test
  void theNameAndRoomFieldsStopAtTheServersLimits() {
    clickOnFx("#usernameField").write("A".repeat(40));
    assertEquals("A".repeat(32), Await.fx(() -> field("#usernameField").getText()));
    ComboBox<?> rooms = lookup("#roomBox").queryAs(ComboBox.class);
    Await.fx(() -> {
      rooms.getEditor().setText("room-");
      rooms.getEditor().end();
      rooms.getEditor().insertText(rooms.getEditor().getCaretPosition(), "x".repeat(100));
      return null;
    });
    assertEquals("room-" + "x".repeat(59), Await.fx(() -> rooms.getEditor().getText()), "a paste is cut to fit");
    assertEquals(64, Await.fx(() -> rooms.getEditor().getCaretPosition()));
  }

  @Test
  void theWindowReopensWhereItWasLeft() {
    joinAs("Alice", "lobby");
    Await.fx(() -> {
      stage.setX(100);
      stage.setY(40);
      stage.setWidth(800);
      stage.setHeight(520);
      return null;
    });
    restartApp(() -> {});
    assertEquals(new Box(100, 40, 800, 520), bounds(), "the join dialog opens there");
    clickOnFx("#joinButton"); // the fields are remembered too
    Await.untilFx("the chat window is back", () -> window.chatModel() != null && users().contains("Alice"));
    assertEquals(new Box(100, 40, 800, 520), bounds(), "the chat keeps the size the user chose");
  }

  @Test
  void boundsRememberedOnAScreenThatIsGoneAreIgnored() {
    restartApp(() -> new WindowMemory(preferences).remember(new Box(1500, 100, 1000, 700)));
    assertEquals(new Box(272, 20, 480, 560), bounds(), "centred as on a first run");
  }

  @Test
  void boundsRememberedOnABiggerScreenAreShrunkOntoThisOne() {
    restartApp(() -> new WindowMemory(preferences).remember(new Box(200, 100, 1600, 900)));
    assertEquals(new Box(0, 0, 1024, 600), bounds());
  }

  private Box bounds() {
    return Await.fx(() -> new Box(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
  }

  /** The text a labeled control draws: its text, or a shortened one with an ellipsis when it has no room. */
  private static String shownText(Labeled labeled) {
    return ((Text) labeled.lookup(".text")).getText();
  }

  /** The control shows its whole label and lies inside the window. */
  private void assertWhole(String id) {
    Labeled labeled = lookup(id).queryAs(Labeled.class);
    // Waited for, not read once: the connection badge changes its text, and the shown text follows at the
    // next layout. A label cut short never matches, and the wait fails.
    Await.untilFx(id + " shows its whole text", () -> labeled.getText().equals(shownText(labeled)));
    assertInsideTheWindow(labeled);
  }

  private void assertInsideTheWindow(Node node) {
    Bounds inScene = Await.fx(() -> node.localToScene(node.getBoundsInLocal()));
    double width = Await.fx(() -> stage.getScene().getWidth());
    double height = Await.fx(() -> stage.getScene().getHeight());
    assertTrue(inScene.getMinX() >= 0 && inScene.getMinY() >= 0 && inScene.getMaxX() <= width
        && inScene.getMaxY() <= height, node.getId() + " at " + inScene + " is inside " + width + "×" + height);
  }
}
