package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.chat.ChatEntry;
import chat.desktop.testing.Await;
import chat.protocol.testing.TestClient;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.Test;

/**
 * Scrolling to the top loads the page before it, keeping the row that was on top in its place, until the list
 * says "This is the beginning of #lobby".
 */
class HistoryPagingTest extends DesktopUiTest {
  private static final int MESSAGES = 120;

  @Test
  void scrollingToTheTopLoadsOlderPagesWithoutAJumpUntilTheBeginning() {
    TestClient bob = participant("Bob", "lobby");
    for (int i = 1; i <= MESSAGES; i++) {
      bob.said("message " + i);
    }
    joinAs("Alice", "lobby");
    Await.until("the latest page shows", () -> shownMessages().contains("Welcome!"));
    assertTrue(shownMessages().size() < MESSAGES, "only the latest page at first");

    while (!beginningShown()) {
      int before = shownMessages().size();
      double[] top = scrollToTheTop();
      long topId = (long) top[0];
      double topY = top[1];
      Await.until("an older page shows", () -> shownMessages().size() > before);
      Await.untilFx("the page is in", () -> !chat().history().loadingProperty().get());
      Await.untilFx("the message on top stays where it was (at " + topY + ")",
          () -> Math.abs(cellY(topId) - topY) <= 2.0);
    }
    List<String> expected = IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> "message " + i).toList();
    List<String> shown = shownMessages().stream().filter(text -> text.startsWith("message ")).toList();
    assertEquals(expected, shown, "every message once, in order");
  }

  private boolean beginningShown() {
    return !rowsOf(ChatEntry.Kind.BEGINNING).isEmpty()
        && Await.fx(() -> messageList().getItems().get(0).kind() == ChatEntry.Kind.BEGINNING);
  }

  /**
   * Moves the scroll bar to the top as a drag would, and returns the id of the message then on top and its y,
   * read at once, before the page it asks for can arrive.
   */
  private double[] scrollToTheTop() {
    return Await.fx(() -> {
      ScrollBar bar = messageScrollBar();
      bar.setValue(bar.getMin());
      messageList().layout();
      long id = topMessageId();
      return new double[] {id, cellY(id)};
    });
  }

  private long topMessageId() {
    VirtualFlow<?> flow = (VirtualFlow<?>) messageList().lookup(".virtual-flow");
    for (int i = 0; i < flow.getCellCount(); i++) {
      ListCell<?> cell = (ListCell<?>) flow.getVisibleCell(i);
      if (cell != null && cell.getItem() instanceof ChatEntry entry && entry.id() != null) {
        return entry.id();
      }
    }
    throw new AssertionError("no message on screen");
  }

  /** The y of the cell showing message {@code id} in the list, or NaN when it is not on screen. */
  private double cellY(long id) {
    messageList().layout();
    VirtualFlow<?> flow = (VirtualFlow<?>) messageList().lookup(".virtual-flow");
    for (int i = 0; i < flow.getCellCount(); i++) {
      ListCell<?> cell = (ListCell<?>) flow.getVisibleCell(i);
      if (cell != null && cell.getItem() instanceof ChatEntry entry && entry.id() != null && entry.id() == id) {
        return cell.localToScene(0, 0).getY();
      }
    }
    return Double.NaN;
  }
}
