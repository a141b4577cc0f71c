package chat.desktop.chat;

import static chat.desktop.chat.ChatFixture.notice;
import static chat.desktop.chat.ChatFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
    assertEquals("(3) #lobby — Chat App", model.titleProperty().get());
  }

  @Test
  void focusingTheWindowClearsTheCount() {
    model.attention().windowFocusedProperty().set(false);
    fixture.connection.receive(text("Bob", "1"));
    model.attention().windowFocusedProperty().set(true);
    assertEquals("#lobby — Chat App", model.titleProperty().get());
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
    assertEquals("#" + "r".repeat(31) + "… — Chat App", model.titleProperty().get());
  }

  @Test
  void aNewDividerMarksWhereTheUnreadMessagesStart() {
    fixture.connection.receive(text("Bob", "read"));
    model.attention().windowFocusedProperty().set(false);
    fixture.connection.receive(text("Bob", "unread 1"));
    fixture.connection.receive(text("Carol", "unread 2"));
    List<String> rows = fixture.texts();
    assertEquals(List.of("read", "New", "unread 1", "unread 2"), rows.subList(rows.size() - 4, rows.size()));
  }

  @Test
  void theNewDividerMovesWhenTheWindowIsLeftAgain() {
    model.attention().windowFocusedProperty().set(false);
    fixture.connection.receive(text("Bob", "first"));
    model.attention().windowFocusedProperty().set(true);
    model.attention().windowFocusedProperty().set(false);
    fixture.connection.receive(text("Bob", "second"));
    List<String> rows = fixture.texts();
    assertEquals(1, java.util.Collections.frequency(rows, "New"));
    assertEquals(List.of("first", "New", "second"), rows.subList(rows.size() - 3, rows.size()));
  }
}
