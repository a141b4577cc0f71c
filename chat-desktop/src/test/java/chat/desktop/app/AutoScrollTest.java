package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.testing.Await;
import chat.protocol.testing.TestClient;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.control.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AutoScrollTest extends DesktopUiTest {
  private TestClient bob;

  @BeforeEach
  void fillTheList() {
    bob = participant("Bob", "lobby");
    joinAs("Alice", "lobby");
    for (int i = 1; i <= 40; i++) {
      bob.sendMessage("Message number " + i + " from Bob, long enough to take up a good part of a line.");
    }
    Await.until("all 40 arrived", () -> messageTexts().stream().anyMatch(text -> text.startsWith("Message number 40 ")));
  }

  @Test
  void followsNewMessagesWhileAtTheBottom() {
    Await.until("the list is at the bottom", this::scrolledToBottom);
    bob.say("one more");
    Await.until("the new message arrived", () -> messageTexts().contains("one more"));
    Await.until("the list follows to the bottom", this::scrolledToBottom);
    assertFalse(markerVisible());
  }

  @Test
  void keepsThePositionAndShowsAMarkerWhenScrolledUp() {
    Await.until("the list is at the bottom", this::scrolledToBottom);
    double position = scrollUpByHand();
    bob.say("while you were reading");
    Await.until("the new message arrived", () -> messageTexts().contains("while you were reading"));
    Await.untilFx("the marker shows", this::markerVisible);
    assertTrue(Await.fx(() -> Math.abs(messageScrollBar().getValue() - position) < 0.05), "the position was kept");
    assertFalse(scrolledToBottom());
    clickOnFx("#newMessagesButton");
    Await.until("the marker scrolled to the bottom", this::scrolledToBottom);
    Await.untilFx("the marker is hidden", () -> !markerVisible());
  }

  @Test
  void ownMessagesScrollDownEvenWhenScrolledUp() {
    Await.until("the list is at the bottom", this::scrolledToBottom);
    scrollUpByHand();
    Await.fx(() -> {
      field("#messageField").setText("my own message");
      button("#sendButton").fire();
      return null;
    });
    Await.until("my message arrived", () -> messageTexts().contains("my own message"));
    Await.until("the list is at the bottom", this::scrolledToBottom);
  }

  @Test
  void theMouseWheelUpStopsFollowing() {
    Await.until("the list is at the bottom", this::scrolledToBottom);
    Await.fx(() -> {
      Node flow = messageList().lookup(".virtual-flow");
      Event.fireEvent(flow, new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false,
          false, 0, 400, 0, 400, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
          ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
      return null;
    });
    Await.untilFx("following has stopped", () -> !chat().scroll().atBottomProperty().get());
    bob.say("while you were reading");
    Await.until("the new message arrived", () -> messageTexts().contains("while you were reading"));
    Await.untilFx("the marker shows", this::markerVisible);
    assertFalse(scrolledToBottom());
  }

  /** Drags the scroll bar's thumb up, as a reader would, well away from the bottom. */
  private double scrollUpByHand() {
    Node thumb = Await.fx(() -> messageScrollBar().lookup(".thumb"));
    drag(thumb, MouseButton.PRIMARY).moveBy(0, -250).release(MouseButton.PRIMARY);
    Await.untilFx("the list is scrolled up", () -> messageScrollBar().getValue() < 0.8);
    Await.untilFx("following has stopped", () -> !chat().scroll().atBottomProperty().get());
    return Await.fx(() -> messageScrollBar().getValue());
  }

  private boolean markerVisible() {
    return lookup("#newMessagesButton").queryAs(Button.class).isVisible();
  }
}
