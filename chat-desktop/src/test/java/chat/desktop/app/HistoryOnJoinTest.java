package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.desktop.chat.ChatEntry;
import chat.desktop.testing.Await;
import chat.protocol.testing.TestClient;
import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** What was said before the user joined is shown above the Welcome!, under a day separator, grouped by sender. */
class HistoryOnJoinTest extends DesktopUiTest {

  @Test
  void theRoomsHistoryIsShownAboveTheWelcomeUnderADaySeparatorAndGroupedBySender() {
    TestClient bob = participant("Bob", "lobby");
    bob.said("Morning!");
    bob.said("Anyone up for coffee?");
    joinAs("Alice", "lobby");
    Await.until("the history shows", () -> shownMessages().contains("Welcome!"));
    List<String> shown = shownMessages();
    assertEquals(List.of("Bob has joined!", "Morning!", "Anyone up for coffee?", "Alice has joined!", "Welcome!"),
        shown);
    assertEquals(List.of("Today"), rowsOf(ChatEntry.Kind.DAY).stream().map(ChatEntry::text).toList());
    Await.untilFx("Bob's two messages share one name", () -> lookup(".message-name").queryAllAs(Label.class)
        .stream().filter(label -> label.getText().equals("Bob")).count() == 1);
  }
}
