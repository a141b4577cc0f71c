package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.desktop.chat.ChatEntry;
import chat.desktop.testing.Await;
import chat.protocol.testing.TestClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In the background the title counts the unread messages, and a "New" divider marks where they start. */
class UnreadTest extends DesktopUiTest {

  @Test
  void theTitleCountsUnreadMessagesAndTheNewDividerMarksTheFirst() {
    TestClient bob = participant("Bob", "lobby");
    joinAs("Alice", "lobby");
    bob.said("seen");
    Await.until("the first message shows", () -> shownMessages().contains("seen"));
    setWindowFocused(false);
    bob.said("one");
    bob.said("two");
    bob.said("three");
    Await.untilFx("the title counts three", () -> stage.getTitle().equals("(3) #lobby — Chat App"));
    List<String> rows = Await.fx(() -> messageList().getItems().stream().map(ChatEntry::text).toList());
    assertEquals(List.of("seen", "New", "one", "two", "three"), rows.subList(rows.size() - 5, rows.size()));
    Await.untilFx("the divider is drawn", () -> lookup(".new-divider").tryQuery().isPresent());

    setWindowFocused(true);
    Await.untilFx("the count clears", () -> stage.getTitle().equals("#lobby — Chat App"));
    assertEquals(1, rowsOf(ChatEntry.Kind.NEW).size(), "the divider stays where the unread ones started");
  }
}
