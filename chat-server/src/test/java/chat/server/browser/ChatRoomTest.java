package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Two real browsers talking through the server. */
class ChatRoomTest {
  private static ChatServer server;
  private static BrowserSession alice;
  private static BrowserSession bob;

  @BeforeAll
  static void start() {
    server = ChatServer.start(ServerConfig.parse(new String[] {"--store", "memory"}, Map.of()).withPorts(0, 0));
    alice = BrowserSession.open(server.httpUri());
    bob = BrowserSession.open(server.httpUri());
  }

  @AfterAll
  static void stop() {
    try (BrowserSession first = alice; BrowserSession second = bob) {
      // try-with-resources quits both browsers even when one quit fails
    } finally {
      if (server != null) server.close();
    }
  }

  @Test
  void twoBrowsersInOneRoomSeeEachOthersMessagesAndTheUserList() {
    String room = UniqueRooms.next("Lobby");
    alice.join("Alice", room);
    bob.join("Bob", room);

    alice.waitForUsers(List.of("Alice", "Bob"));
    bob.waitForUsers(List.of("Alice", "Bob"));
    alice.waitForMessage("Bob has joined!");

    alice.send("Hello Bob");
    bob.waitForMessage("Hello Bob");
    bob.send("Hi Alice");
    alice.waitForMessage("Hi Alice");
  }

  @Test
  void aBrowserInAnotherRoomSeesNoneOfIt() {
    String aliceRoom = UniqueRooms.next("red");
    String bobRoom = UniqueRooms.next("blue");
    alice.join("Alice", aliceRoom);
    bob.join("Bob", bobRoom);

    alice.send("only for the red room");
    bob.send("blue room check");

    bob.waitForMessage("blue room check");
    assertEquals(List.of("Welcome!", "blue room check"), bob.messageTexts());
    assertEquals(List.of("Bob"), bob.users());
    assertEquals(bobRoom.toLowerCase(), bob.roomTitle());
    alice.waitForUsers(List.of("Alice"));
    assertFalse(alice.messageTexts().contains("blue room check"));
  }

  @Test
  void ownMessagesAreMarkedAndSystemNoticesAreStyledApart() {
    String room = UniqueRooms.next("styles");
    alice.join("Alice", room);
    bob.join("Bob", room);

    alice.send("mine");
    bob.waitForMessage("mine");

    assertTrue(classesOfMessage(alice, "mine").contains("message--own"));
    assertFalse(classesOfMessage(bob, "mine").contains("message--own"));
    assertTrue(classesOfMessage(alice, "Welcome!").contains("message--system"));
    assertTrue(classesOfMessage(alice, "Bob has joined!").contains("message--system"));
    String time = alice.find(By.cssSelector(".message--own time.message__time")).getText();
    assertTrue(time.matches("\\d{1,2}:\\d{2}\\s[AP]M"), "time shown like 4:07 PM, was " + time);
  }

  @Test
  void markupInNamesAndMessagesIsShownAsTextAndNeverRuns() {
    String room = UniqueRooms.next("xss");
    String evilName = "<img src=x onerror=__xss=1>";
    String evilText = "<img src=x onerror=window.__xss=1>";
    alice.join("Alice", room);
    bob.join(evilName, room);

    alice.waitForUsers(List.of("Alice", evilName));
    bob.send(evilText);
    alice.waitForMessage(evilText);

    for (BrowserSession browser : List.of(alice, bob)) {
      assertNull(browser.script("return window.__xss;"));
      assertTrue(browser.findAll(By.cssSelector("#messages img, #users img")).isEmpty());
    }
    assertTrue(alice.findAll(By.cssSelector(".message__name")).stream()
        .anyMatch(name -> name.getText().equals(evilName)));
  }

  @Test
  void linksInMessagesOpenInANewTabWithoutAnOpener() {
    String room = UniqueRooms.next("links");
    alice.join("Alice", room);
    bob.join("Bob", room);
    String text = "docs at https://example.com/docs?page=2. and javascript:alert(1) is text";

    alice.send(text);
    bob.waitForMessage(text);

    List<WebElement> links = bob.findAll(By.cssSelector("#messages .message__text a"));
    assertEquals(1, links.size());
    WebElement link = links.get(0);
    assertEquals("https://example.com/docs?page=2", link.getAttribute("href"));
    assertEquals("https://example.com/docs?page=2", link.getText());
    assertEquals("_blank", link.getAttribute("target"));
    assertEquals("noopener noreferrer", link.getAttribute("rel"));
  }

  @Test
  void atPhoneWidthTheSidebarCollapsesBehindAUsersButton() {
    alice.join("Alice", UniqueRooms.next("phone"));
    alice.resize(390, 844);
    try {
      WebElement toggle = alice.find(By.id("users-toggle"));
      alice.waitUntil(d -> toggle.isDisplayed() && !d.findElement(By.id("users")).isDisplayed());
      assertEquals("false", toggle.getAttribute("aria-expanded"));

      toggle.click();

      alice.waitUntil(d -> d.findElement(By.id("users")).isDisplayed());
      assertEquals("true", toggle.getAttribute("aria-expanded"));
      assertTrue(alice.find(By.id("send-button")).isDisplayed());
    } finally {
      alice.resize(1280, 900);
    }
  }

  @Test
  void aLongRoomNameInTheSidebarEndsInAnEllipsisWithTheFullNameOnHover() {
    String room = longestRoomName();
    alice.join("Alice", room);

    WebElement title = alice.find(By.id("room-title"));
    assertEquals("ellipsis", title.getCssValue("text-overflow"));
    assertEquals(true, alice.script("return arguments[0].clientWidth < arguments[0].scrollWidth;", title));
    assertEquals(room.toLowerCase(), title.getAttribute("title"));
  }

  @Test
  void atPhoneWidthALongRoomNameLeavesTheUsersButtonOnScreen() {
    alice.join("Alice", longestRoomName());
    alice.resize(390, 844);
    try {
      WebElement toggle = alice.find(By.id("users-toggle"));
      alice.waitUntil(d -> toggle.isDisplayed());
      assertEquals(true, alice.script("const right = arguments[0].getBoundingClientRect().right;"
          + " const root = document.documentElement;"
          + " return right <= root.clientWidth && root.scrollWidth <= root.clientWidth;", toggle));
    } finally {
      alice.resize(1280, 900);
    }
  }

  /** A room name as long as the server accepts, unique to the test and with no space to wrap at. */
  private static String longestRoomName() {
    String prefix = UniqueRooms.next("long");
    return prefix + "x".repeat(ServerConfig.parse(new String[] {"--store", "memory"}, Map.of()).maxRoomLength() - prefix.length());
  }

  private static String classesOfMessage(BrowserSession browser, String text) {
    return (String) browser.script("return Array.from(document.querySelectorAll('#messages .message'))"
        + ".find(m => m.querySelector('.message__text').textContent === arguments[0]).className;", text);
  }
}
