package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.desktop.chat.ChatEntry;
import chat.desktop.testing.Await;
import chat.protocol.testing.TestClient;
import java.util.List;
import javafx.scene.control.Hyperlink;
import org.junit.jupiter.api.Test;

/**
 * A gap longer than the server recovers ({@code --max-recovery 2}) shows "Some messages could not be loaded"
 * with the latest page after it, and the divider's link loads what is missing until it is gone.
 */
class GapDividerTest extends RelayedDesktopUiTest {
  @Override
  protected String[] serverOptions() {
    return new String[] {"--max-recovery", "2", "--history-on-join", "3"};
  }

  @Test
  void aGapTooLongToRecoverShowsTheDividerAndItsLinkFillsIt() {
    joinAs("Alice", "lobby");
    TestClient bob = participant("Bob", "lobby");
    bob.said("before the drop");
    Await.until("Bob's message shows", () -> shownMessages().contains("before the drop"));

    relay.cut();
    Await.until("the window shows it is offline", () -> connectionText().startsWith("Connection lost"));
    for (int i = 1; i <= 5; i++) {
      bob.said("missed " + i);
    }
    relay.heal();
    Await.until("the divider shows", () -> !rowsOf(ChatEntry.Kind.GAP).isEmpty());
    Await.until("the latest page shows after it", () -> shownMessages().contains("missed 5"));
    List<String> rows = Await.fx(() -> messageList().getItems().stream().map(ChatEntry::text).toList());
    int gap = rows.indexOf("Some messages could not be loaded");
    assertEquals(List.of("missed 3", "missed 4", "missed 5"),
        rows.subList(gap + 1, rows.size()).stream().filter(text -> text.startsWith("missed")).toList());

    Await.untilFx("the divider's link shows", () -> lookup(".gap-load").tryQuery().isPresent());
    clickOnFxPoint(() -> lookup(".gap-load").queryAs(Hyperlink.class));
    Await.until("the gap is filled", () -> rowsOf(ChatEntry.Kind.GAP).isEmpty());
    List<String> shown = shownMessages();
    List<String> tail = shown.subList(shown.indexOf("before the drop"), shown.size()).stream()
        .filter(text -> text.startsWith("missed") || text.equals("before the drop")).toList();
    assertEquals(List.of("before the drop", "missed 1", "missed 2", "missed 3", "missed 4", "missed 5"), tail);
  }
}
