package chat.desktop.chat;

import static chat.desktop.chat.ChatFixture.notice;
import static chat.desktop.chat.ChatFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AttentionTest {
  private final ChatFixture fixture = new ChatFixture();
  private final ChatViewModel model = fixture.model;

  @Test
  void unreadMessagesShowInTheTitleWhileUnfocused() {
    model.attention().windowFocusedProperty().set(false);
    fixture.connection.receive(text("Bob", "1"));
    fixture.connection.receive(text("Bob", "2"));
    fixture.connection.receive(text("Carol", "3"));
    assertEquals("(3) lobby — Chat", model.titleProperty().get());
  }

  @Test
  void focusingTheWindowClearsTheCount() {
    model.attention().windowFocusedProperty().set(false);
    fixture.connection.receive(text("Bob", "1"));
    model.attention().windowFocusedProperty().set(true);
    assertEquals("lobby — Chat", model.titleProperty().get());
  }

  @Test
  void nothingCountsWhileFocused() {
    fixture.connection.receive(text("Bob", "1"));
    assertEquals(0, model.attention().unreadProperty().get());
  }

  @Test
  void ownMessagesAndNoticesDoNotCount() {
    model.attention().windowFocusedProperty().set(false);
    fixture.connection.receive(text("Alice", "mine"));
    fixture.connection.receive(notice("Bob has joined!"));
    assertEquals(0, model.attention().unreadProperty().get());
  }

  @Test
  void aLongRoomNameIsCutInTheTitleSoTheAppNameStays() {
    String room = "r".repeat(64);
    fixture.connection.receive(ChatFixture.roomData(room, "Alice"));
    assertEquals("r".repeat(31) + "… — Chat", model.titleProperty().get());
  }
}
