package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.desktop.testing.Await;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --server … --name … --room … --join} skips the dialog. */
class JoinOnStartTest extends DesktopUiTest {

  @Override
  protected LaunchOptions options() {
    return new LaunchOptions(server.address(), "Zoe", "Studio", true, Optional.empty());
  }

  @Test
  void joinsStraightAwayWithTheGivenNameAndRoom() {
    Await.untilFx("the chat window is open", () -> window.chatModel() != null && stage.getTitle().equals("#studio — Chat App"));
    Await.until("Zoe is listed", () -> users().equals(List.of("Zoe")));
    assertEquals("Zoe", preferences.get("join.username", null));
  }
}
