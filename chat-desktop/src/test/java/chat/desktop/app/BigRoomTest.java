package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.testing.Await;
import chat.desktop.testing.FakeChatConnection;
import chat.protocol.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ScrollBar;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand messages: the list keeps them all (its cap is {@code Timeline.MAX_MESSAGES}), yet only about a
 * screenful of cells exists, and appending and scrolling from end to end stay quick.
 */
class BigRoomTest extends DesktopUiTest {
  private static final int MESSAGES = 10_000;
  private static final String[] SENDERS = {"Bob", "Carol", "Dan"};
  /** A screenful of rows, whatever the list holds; the ListView makes cells for the viewport only. */
  private static final int MAX_CELLS = 80;
  private static final Duration MAX_APPEND_BATCH = Duration.ofSeconds(3);

  private final FakeChatConnection connection = new FakeChatConnection();

  @Test
  void tenThousandMessagesKeepAFewCellsAndAppendAndScrollQuickly() {
    openChatOn(connection, "Maya", "big");
    long now = System.currentTimeMillis();
    List<ServerMessage> history = new ArrayList<>();
    for (int i = 1; i <= MESSAGES; i++) {
      history.add(new ServerMessage.ChatMessage((long) i, SENDERS[i % 3], "message " + i,
          now - (MESSAGES - i) * 60_000L, false));
    }
    connection.receive(new ServerMessage.History(null, "big", "e1", history, true, null));
    Await.until("all are listed", () -> shownMessages().size() == MESSAGES);
    assertTrue(cells() <= MAX_CELLS, "cells for the viewport only: " + cells());

    long started = System.nanoTime();
    for (int i = MESSAGES + 1; i <= MESSAGES + 200; i++) {
      connection.receive(new ServerMessage.ChatMessage((long) i, "Bob", "live " + i, now, false));
    }
    Await.until("the appended messages show",
        () -> Await.fx(() -> messageList().getItems().get(messageList().getItems().size() - 1).text())
            .equals("live " + (MESSAGES + 200)));
    Duration appending = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(appending.compareTo(MAX_APPEND_BATCH) < 0, "200 appends took " + appending.toMillis() + " ms");
    Await.until("the list follows the newest", this::scrolledToBottom); // scrolled once per burst, after it

    Duration toTop = timed(() -> messageScrollBar().setValue(messageScrollBar().getMin()));
    Duration toBottom = timed(() -> messageScrollBar().setValue(messageScrollBar().getMax()));
    assertTrue(toTop.plus(toBottom).toMillis() < 2_000, "end to end took " + toTop.plus(toBottom).toMillis() + " ms");
    assertTrue(cells() <= MAX_CELLS, "still a screenful of cells after scrolling: " + cells());
    assertEquals(MESSAGES + 200, shownMessages().size());
  }

  private int cells() {
    return Await.fx(() -> messageList().lookupAll(".message-cell").size());
  }

  /** Runs a scroll on the FX thread with its layout, and says how long both took. */
  private Duration timed(Runnable scroll) {
    return Await.fx(() -> {
      ScrollBar bar = messageScrollBar();
      long started = System.nanoTime();
      scroll.run();
      messageList().layout();
      bar.getValue();
      return Duration.ofNanos(System.nanoTime() - started);
    });
  }
}
