package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.desktop.chat.ChatEntry;
import chat.desktop.testing.Await;
import chat.desktop.testing.TestServer;
import chat.protocol.ServerMessage;
import chat.protocol.testing.TestClient;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is written while the server is down waits as "sending…" and is sent once it is back: exactly one copy
 * reaches the room. The store keeps seats and the dedup keys across the restart, hence SQLite.
 */
class OfflineOutboxTest extends DesktopUiTest {
  @TempDir Path dataDir;

  @Override
  protected TestServer startServer() {
    return TestServer.startKeepingSeats(dataDir);
  }

  @Test
  void aMessageWrittenWhileTheServerIsDownIsSentOnceItIsBack() {
    joinAs("Alice", "lobby");
    server.stop();
    Await.until("the window shows it is offline", () -> connectionText().startsWith("Connection lost"));
    clickOnFx("#messageField").write("written while offline").type(KeyCode.ENTER);
    Await.until("it waits as sending…", () -> rowsOf(ChatEntry.Kind.OUTBOX).size() == 1
        && rowsOf(ChatEntry.Kind.OUTBOX).get(0).problem() == null);
    Await.untilFx("the row says sending…", () -> lookup(".outbox-sending").tryQuery().isPresent());

    server.startAgain();
    TestClient bob = participant("Bob", "lobby");
    Await.until("the outbox is empty", () -> rowsOf(ChatEntry.Kind.OUTBOX).isEmpty());
    Await.until("the message shows", () -> shownMessages().contains("written while offline"));
    List<String> stored = bob.loadHistory(null, 100).messages().stream()
        .filter(ServerMessage.ChatMessage.class::isInstance)
        .map(message -> ((ServerMessage.ChatMessage) message).text()).toList();
    assertEquals(1, Collections.frequency(stored, "written while offline"), "the room has one copy: " + stored);
    assertEquals(1, Collections.frequency(shownMessages(), "written while offline"), shownMessages().toString());
  }

  @Test
  void aMessageRefusedFromTheOutboxStaysAsNotSentAndCanBeDiscarded() {
    joinAs("Alice", "lobby");
    server.stop();
    Await.until("the window shows it is offline", () -> connectionText().startsWith("Connection lost"));
    clickOnFx("#messageField").write("what an arse").type(KeyCode.ENTER);
    server.startAgain();
    Await.until("it is refused", () -> rowsOf(ChatEntry.Kind.OUTBOX).size() == 1
        && rowsOf(ChatEntry.Kind.OUTBOX).get(0).problem() != null);
    assertEquals("Profanity is not allowed!", rowsOf(ChatEntry.Kind.OUTBOX).get(0).problem());
    Await.untilFx("the row says Not sent", () -> lookup(".outbox-failed").tryQuery().isPresent());
    clickOnFx(".outbox-discard");
    Await.until("it is gone", () -> rowsOf(ChatEntry.Kind.OUTBOX).isEmpty());
  }
}
