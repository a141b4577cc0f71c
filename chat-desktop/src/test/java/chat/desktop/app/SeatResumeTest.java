package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.testing.Await;
import chat.desktop.testing.TestServer;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.testing.TestClient;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a drop the app takes its held seat back (protocol v2 resume): same name, same place in the user list,
 * and the others see it neither leave nor join. The drop is a server restart, a drop for everybody; seats
 * survive it only in a SQLite store, hence the data directory.
 */
class SeatResumeTest extends DesktopUiTest {
  @TempDir Path dataDir;

  @Override
  protected TestServer startServer() {
    return TestServer.startKeepingSeats(dataDir);
  }

  @Test
  void afterADropTheUserIsBackUnderItsNameAndNobodySeesItLeaveOrJoin() {
    joinAs("Alice", "lobby");
    TestClient bob = participant("Bob", "lobby");
    bob.said("before the drop");
    Await.until("Bob's message is shown", () -> messageTexts().contains("before the drop"));

    server.stop();
    Await.untilFx("the window shows it is offline", () -> connectionText().startsWith("Connection lost"));
    bob.awaitClose();
    server.startAgain();
    TestClient bobAgain = TestClient.connect(server.wsUri()).withTimeout(Await.TIMEOUT);
    clients.add(bobAgain);
    assertTrue(bobAgain.rejoin(bob).isOk(), "Bob takes his own seat back");
    Await.untilFx("the window is connected again", () -> connectionText().equals("Connected"));

    clickOnFx("#messageField").write("I'm back");
    clickOnFx("#sendButton");
    assertEquals("Alice", bobAgain.awaitMessage("I'm back").username(), "back under the same name");
    Await.until("the sidebar keeps the join order", () -> users().equals(List.of("Alice", "Bob")));
    List<String> seenByBob = roomMessagesSince(bobAgain);
    assertTrue(seenByBob.stream().noneMatch(t -> t.equals("Alice has left!") || t.equals("Alice has joined!")),
        "Bob sees no notice about Alice coming back: " + seenByBob);
    List<String> shown = messageTexts();
    assertEquals(1, Collections.frequency(shown, "Bob has joined!"), "only Bob's first join: " + shown);
    assertEquals(0, Collections.frequency(shown, "Bob has left!"), shown.toString());
    assertEquals(1, Collections.frequency(shown, "before the drop"), "shown once: " + shown);
  }

  @Test
  void whatWasSaidAroundARestartIsShownOnceInOrder() {
    joinAs("Alice", "lobby");
    TestClient bob = participant("Bob", "lobby");
    bob.said("before the restart");
    Await.until("Bob's message is shown", () -> messageTexts().contains("before the restart"));

    server.stop();
    Await.untilFx("the window shows it is offline", () -> connectionText().startsWith("Connection lost"));
    bob.awaitClose();
    server.startAgain();
    TestClient bobAgain = TestClient.connect(server.wsUri()).withTimeout(Await.TIMEOUT);
    clients.add(bobAgain);
    assertTrue(bobAgain.rejoin(bob).isOk(), "Bob takes his own seat back");
    bobAgain.said("said around the restart");
    Await.untilFx("the window is connected again", () -> connectionText().equals("Connected"));
    bobAgain.said("after the restart");
    Await.until("the last one shows", () -> shownMessages().contains("after the restart"));

    List<String> fromBob = shownMessages().stream().filter(text -> text.contains("restart")).toList();
    assertEquals(List.of("before the restart", "said around the restart", "after the restart"), fromBob);
    assertEquals(1, Collections.frequency(shownMessages(), "Welcome!"), "no second Welcome!");
  }

  /**
   * What the room said since Bob lost his connection: his rejoin's history holds every message after the last
   * one he had (it resumes from there), and the rest came live.
   */
  private static List<String> roomMessagesSince(TestClient bobAgain) {
    Stream<ServerMessage> gap = bobAgain.joinHistory().messages().stream();
    return Stream.concat(gap, bobAgain.received().stream())
        .filter(ChatMessage.class::isInstance)
        .map(message -> ((ChatMessage) message).text())
        .toList();
  }

}
