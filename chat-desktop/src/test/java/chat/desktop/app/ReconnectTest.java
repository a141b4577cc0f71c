package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.testing.Await;
import chat.protocol.testing.TestClient;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconnectTest extends DesktopUiTest {

  @Test
  void afterAServerRestartTheUserIsBackInTheSameRoom() {
    joinAs("Alice", "lobby");
    server.stop();
    Await.untilFx("the window shows it is offline",
        () -> connectionText().startsWith("Connection lost. Reconnecting…"));
    assertTrue(Await.fx(() -> !field("#messageField").isDisabled() && button("#shareLocationButton").isDisabled()),
        "the composer stays usable while offline; sharing a location waits for the connection");
    server.startAgain();
    Await.untilFx("the window is connected again", () -> connectionText().equals("Connected"));
    TestClient bob = participant("Bob", "lobby");
    bob.awaitUsers("Alice", "Bob");
    Await.until("the sidebar shows both", () -> users().equals(List.of("Alice", "Bob")));
    clickOnFx("#messageField").write("I'm back");
    clickOnFx("#sendButton");
    bob.awaitMessage("I'm back");
  }

}
