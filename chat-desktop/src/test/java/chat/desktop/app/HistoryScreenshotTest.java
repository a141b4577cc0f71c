package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.chat.ChatEntry;
import chat.desktop.net.ConnectionState;
import chat.desktop.net.ConnectionStatus;
import chat.desktop.net.RequestFailedException;
import chat.desktop.testing.Await;
import chat.desktop.testing.FakeChatConnection;
import chat.desktop.testing.PngSnapshot;
import chat.protocol.ClientMessage;
import chat.protocol.ErrorCode;
import chat.protocol.RoomUser;
import chat.protocol.ServerMessage;
import chat.protocol.testing.ScreenshotDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the history, the gap divider and the outbox ({@link ScreenshotDirectory}), over a connection the
 * test drives: a real server cannot make messages from days ago.
 */
class HistoryScreenshotTest extends DesktopUiTest {
  private static final String ROOM = "launch-review";
  private static final long MINUTE = 60_000;
  private static final long DAY = 24 * 60 * MINUTE;

  private final FakeChatConnection connection = new FakeChatConnection();
  private final long now = System.currentTimeMillis();
  private long nextId = 1;

  @Test
  void aHistoryWithDaySeparatorsIsCaptured() throws Exception {
    openChatOn(connection, "Maya", ROOM);
    connection.receive(history(false, null,
        say("Jonas", "Kick-off: the launch review moves to Thursday.", now - 2 * DAY),
        say("Priya", "Works for me. I'll book the big room.", now - 2 * DAY + 3 * MINUTE),
        say("Priya", "Booked, by the river.", now - 2 * DAY + 4 * MINUTE),
        say("Sam", "Printouts are ready.", now - DAY),
        say("Maya", "Thanks all, see you there!", now - DAY + 10 * MINUTE),
        say("Jonas", "Morning! Agenda is pinned in the doc.", now - 30 * MINUTE),
        say("Jonas", "Ping me if anything is missing.", now - 29 * MINUTE)));
    connection.receive(new ServerMessage.ChatMessage(null, "Admin", "Welcome!", now, true));
    people("Jonas", "Priya", "Sam", "Maya");
    Await.until("the history shows", () -> shownMessages().contains("Welcome!"));
    capture("desktop-history.png");
  }

  @Test
  void theGapDividerIsCaptured() throws Exception {
    openChatOn(connection, "Maya", ROOM);
    connection.receive(history(true, null,
        say("Jonas", "Heading out, back after lunch.", now - 3 * 60 * MINUTE),
        say("Maya", "Enjoy!", now - 3 * 60 * MINUTE + MINUTE)));
    nextId = 90;
    connection.receive(history(true, false,
        say("Priya", "The deck is final, v7 in the folder.", now - 20 * MINUTE),
        say("Sam", "Great, printing it now.", now - 15 * MINUTE),
        say("Jonas", "Back. Anything I missed?", now - 5 * MINUTE)));
    people("Jonas", "Priya", "Sam", "Maya");
    Await.until("the divider shows", () -> !rowsOf(ChatEntry.Kind.GAP).isEmpty());
    capture("desktop-gap.png");
  }

  @Test
  void aPendingAndAFailedMessageAreCaptured() throws Exception {
    openChatOn(connection, "Maya", ROOM);
    connection.receive(history(true, null,
        say("Jonas", "Can someone send the venue details?", now - 4 * MINUTE)));
    people("Jonas", "Maya");
    connection.changeStatus(new ConnectionStatus(ConnectionState.RECONNECTING, "retrying in 2.0 s"));
    compose("It's at the river room, what an arse of a walk though");
    compose("Doors open at 9:30.");
    connection.changeStatus(ConnectionStatus.of(ConnectionState.ONLINE));
    Await.until("the first is sent", () -> connection.sent(ClientMessage.SendMessage.class).size() == 1);
    connection.requests().get(0).answer().completeExceptionally(
        RequestFailedException.refused("Profanity is not allowed!", ErrorCode.PROFANITY, null));
    Await.until("the second is sent", () -> connection.sent(ClientMessage.SendMessage.class).size() == 2);
    Await.untilFx("the refused one says Not sent", () -> lookup(".outbox-failed").tryQuery().isPresent());
    connection.changeStatus(new ConnectionStatus(ConnectionState.RECONNECTING, "retrying in 2.0 s"));
    Await.untilFx("the pending one says sending…", () -> lookup(".outbox-sending").tryQuery().isPresent());
    capture("desktop-outbox.png");
  }

  /** Who is in the room, as its roomData says. */
  private void people(String... names) {
    connection.receive(new ServerMessage.RoomData(ROOM, java.util.Arrays.stream(names).map(RoomUser::new).toList()));
  }

  private ServerMessage.History history(boolean hasMore, Boolean recovered, ServerMessage... messages) {
    return new ServerMessage.History(null, ROOM, "e1", List.of(messages), hasMore, recovered);
  }

  private ServerMessage.ChatMessage say(String who, String text, long at) {
    return new ServerMessage.ChatMessage(nextId++, who, text, at, false);
  }

  private void compose(String text) {
    Await.fx(() -> {
      field("#messageField").setText(text);
      button("#sendButton").fire();
      return null;
    });
  }

  private void capture(String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Path file = ScreenshotDirectory.get().resolve(name);
    WritableImage image = Await.fx(() -> stage.getScene().snapshot(null));
    PngSnapshot.write(image, file);
    assertTrue(Files.size(file) > 10_000, "the screenshot has content");
  }
}
