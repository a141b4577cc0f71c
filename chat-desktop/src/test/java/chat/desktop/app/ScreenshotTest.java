package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.location.GeoPosition;
import chat.desktop.location.SavedLocation;
import chat.desktop.testing.Await;
import chat.desktop.testing.PngSnapshot;
import chat.protocol.testing.ScreenshotDirectory;
import chat.protocol.testing.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Renders the chat window with several people and a shared location ({@link ScreenshotDirectory}). */
class ScreenshotTest extends DesktopUiTest {
  private static final String ROOM = "launch-review";

  @Test
  void chatWindowWithSeveralUsersAndALocationIsCaptured() throws Exception {
    new SavedLocation(preferences).save(new GeoPosition(51.5007, -0.1246));
    joinAs("Maya", ROOM);
    TestClient jonas = participant("Jonas", ROOM);
    TestClient priya = participant("Priya", ROOM);
    TestClient sam = participant("Sam", ROOM);
    Await.until("everyone is listed", () -> users().equals(List.of("Maya", "Jonas", "Priya", "Sam")));
    jonas.say("Morning! Are we still on for the launch review at 10?");
    Await.until("Jonas's message shows", () -> messageTexts().size() >= 5);
    priya.say("Yes. The agenda is pinned in the doc. Sam, could you bring the printouts and the "
        + "projector cable?");
    sam.say("On it: printed agenda and the cable, see you at 10.");
    Await.until("the replies show", () -> messageTexts().size() >= 7);
    send("Great work, everyone. I booked the big room by the river, here is where it is:");
    clickOnFx("#shareLocationButton");
    Await.untilFx("the location link shows", () -> lookup(".message-link").tryQuery().isPresent());
    jonas.say("Perfect, see you there.");
    Await.until("the last message shows", () -> messageTexts().contains("Perfect, see you there."));
    WaitForAsyncUtils.waitForFxEvents();

    Path file = ScreenshotDirectory.get().resolve("desktop-chat.png");
    WritableImage image = Await.fx(() -> stage.getScene().snapshot(null));
    PngSnapshot.write(image, file);
    assertTrue(Files.size(file) > 10_000, "the screenshot has content");
  }

  private void send(String text) {
    Await.fx(() -> {
      field("#messageField").setText(text);
      button("#sendButton").fire();
      return null;
    });
    Await.until("the message shows", () -> messageTexts().contains(text));
  }
}
