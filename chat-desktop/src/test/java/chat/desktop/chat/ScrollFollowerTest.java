package chat.desktop.chat;

import static chat.desktop.chat.ChatFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScrollFollowerTest {
  private final ChatFixture fixture = new ChatFixture();
  private final ScrollFollower scroll = fixture.model.scroll();

  @Test
  void followsNewMessagesAtTheBottom() {
    fixture.connection.receive(text("Bob", "hi"));
    assertEquals(1, fixture.scrolls);
    assertFalse(scroll.newMessagesBelowProperty().get());
  }

  @Test
  void keepsThePositionAndShowsTheMarkerWhenScrolledUp() {
    scroll.atBottomProperty().set(false);
    fixture.connection.receive(text("Bob", "hi"));
    assertEquals(0, fixture.scrolls);
    assertTrue(scroll.newMessagesBelowProperty().get());
  }

  @Test
  void theMarkerScrollsDownAndHides() {
    scroll.atBottomProperty().set(false);
    fixture.connection.receive(text("Bob", "hi"));
    scroll.jumpToLatest();
    assertEquals(1, fixture.scrolls);
    assertFalse(scroll.newMessagesBelowProperty().get());
  }

  @Test
  void reachingTheBottomByHandHidesTheMarker() {
    scroll.atBottomProperty().set(false);
    fixture.connection.receive(text("Bob", "hi"));
    scroll.atBottomProperty().set(true);
    assertFalse(scroll.newMessagesBelowProperty().get());
  }

  @Test
  void ownMessagesAlwaysScrollDown() {
    scroll.atBottomProperty().set(false);
    fixture.connection.receive(text("Alice", "mine"));
    assertEquals(1, fixture.scrolls);
    assertFalse(scroll.newMessagesBelowProperty().get());
  }
}
