package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.testing.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;

/** While the tab is in the background its title counts what arrived; back in front, "New" marks where it starts. */
class UnreadTitleTest extends OneBrowserPerClass {

  @Test
  void aBackgroundTabCountsUnreadMessagesInItsTitleAndMarksThemNew() {
    String room = UniqueRooms.next("unread");
    browser.join("Alice", room);
    String chatTab = browser.driver().getWindowHandle();
    try (TestClient bob = TestClient.connect(server.wsUri()).joined("Bob", room).said("seen")) {
      browser.waitForMessage("seen");
      browser.driver().switchTo().newWindow(WindowType.TAB);

      bob.said("one").said("two").said("three");

      browser.waitUntil(d -> chatTabTitle().equals("(3) #" + room + " — Chat App"));
      browser.driver().close();
      browser.driver().switchTo().window(chatTab);
      browser.script("window.focus();");
      browser.waitUntil(d -> d.getTitle().equals("#" + room + " — Chat App"));
      assertEquals(List.of("New"), browser.texts(".divider--new"));
      String afterDivider = (String) browser.script("return document.querySelector('.divider--new')"
          + ".nextElementSibling.querySelector('.message__text').textContent;");
      assertEquals("one", afterDivider);
    }
  }

  /** The title of the chat page's tab, read through DevTools so that the tab stays in the background. */
  private static String chatTabTitle() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> targets = (List<Map<String, Object>>) browser
        .devTools("Target.getTargets", Map.of()).get("targetInfos");
    return targets.stream()
        .filter(t -> "page".equals(t.get("type")) && String.valueOf(t.get("url")).contains("/chat.html"))
        .map(t -> String.valueOf(t.get("title")))
        .findFirst().orElse("");
  }
}
