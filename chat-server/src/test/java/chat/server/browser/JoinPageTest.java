package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.TestClient;
import chat.server.config.ServerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

class JoinPageTest extends OneBrowserPerClass {

  @Test
  void joiningThroughTheFormOpensTheRoomWithTheUserListed() {
    String room = UniqueRooms.next("Lobby");

    browser.joinThroughForm("Alice", room);

    browser.waitForUsers(List.of("Alice"));
    browser.waitForMessage("Welcome!");
    assertEquals(room.toLowerCase(), browser.roomTitle());
  }

  @Test
  void takenNameBringsTheUserBackToTheJoinPageWithTheErrorAndFieldsFilled() throws Exception {
    String room = UniqueRooms.next("taken");
    try (TestClient bob = TestClient.connect(server.wsUri()).joined("Bob", room)) {
      browser.openJoinPage();
      browser.type(By.id("username"), "bob");
      browser.type(By.id("room"), room);
      browser.find(By.id("join-button")).click();

      WebElement error = browser.waitUntil(d -> {
        WebElement shown = d.findElement(By.id("join-error"));
        return shown.isDisplayed() ? shown : null;
      });
      assertEquals("Username is in use!", error.getText());
      assertEquals("bob", browser.find(By.id("username")).getAttribute("value"));
      assertEquals(room, browser.find(By.id("room")).getAttribute("value"));
      assertTrue(browser.driver().getCurrentUrl().endsWith("/"), browser.driver().getCurrentUrl());
      assertEquals("username", browser.script("return document.activeElement.id;"));
    }
  }

  @Test
  void chatPageWithoutANameSendsTheUserBackToTheJoinPage() {
    browser.openChatPage("", "kitchen");

    browser.waitUntil(d -> d.findElement(By.id("join-error")).isDisplayed());
    assertEquals("Enter a username", browser.find(By.id("join-error")).getText());
    assertEquals("kitchen", browser.find(By.id("room")).getAttribute("value"));
  }

  @Test
  void aBlankNameIsRefusedOnTheJoinPageItself() {
    browser.openJoinPage();
    browser.type(By.id("username"), "   ");
    browser.type(By.id("room"), "kitchen");
    browser.find(By.id("join-button")).click();

    browser.waitUntil(d -> d.findElement(By.id("join-error")).isDisplayed());
    assertEquals("Enter a username", browser.find(By.id("join-error")).getText());
    assertEquals("username", browser.script("return document.activeElement.id;"));
    assertEquals("true", browser.find(By.id("username")).getAttribute("aria-invalid"));
    assertFalse(browser.driver().getCurrentUrl().contains("chat.html"));
  }

  @Test
  void activeRoomsAreOfferedWithTheirMemberCounts() throws Exception {
    String room = UniqueRooms.next("busy");
    try (TestClient carol = TestClient.connect(server.wsUri()).joined("Carol", room);
        TestClient dave = TestClient.connect(server.wsUri()).joined("Dave", room)) {
      browser.openJoinPage();

      WebElement chip = browser.waitUntil(d -> d.findElements(By.cssSelector("#room-list .room-chip")).stream()
          .filter(c -> c.findElement(By.className("room-chip__name")).getText().equals(room.toLowerCase()))
          .findFirst().orElse(null));
      assertEquals("2 people", chip.findElement(By.className("room-chip__count")).getText());
      chip.click();
      assertEquals(room.toLowerCase(), browser.find(By.id("room")).getAttribute("value"));
    }
  }

  @Test
  void theKeyboardAloneCanJoinAndSend() {
    String room = UniqueRooms.next("keys");
    browser.openJoinPage();
    browser.waitUntil(d -> "username".equals(activeElementId()));

    // The fields may hold the last join; select-all first, as a user would.
    typeIntoFocused(Keys.chord(Keys.CONTROL, "a") + "Kim" + Keys.TAB);
    typeIntoFocused(Keys.chord(Keys.CONTROL, "a") + room + Keys.ENTER);
    browser.waitUntilJoined();
    browser.waitUntil(d -> "message-input".equals(activeElementId()));
    typeIntoFocused("typed, not clicked" + Keys.ENTER);

    browser.waitForMessage("typed, not clicked");
  }

  @Test
  void joinPageControlsHaveTheirAccessibleNames() {
    browser.openJoinPage();

    assertEquals("Username", browser.find(By.id("username")).getAccessibleName());
    assertEquals("Room", browser.find(By.id("room")).getAccessibleName());
    assertEquals("Join", browser.find(By.id("join-button")).getAccessibleName());
  }

  @Test
  void chatPageControlsHaveTheirAccessibleNames() {
    browser.join("Erin", UniqueRooms.next("names"));

    assertEquals("Message", browser.find(By.id("message-input")).getAccessibleName());
    assertEquals("Send", browser.find(By.id("send-button")).getAccessibleName());
    assertEquals("Share location", browser.find(By.id("send-location")).getAccessibleName());
    assertEquals(true, browser.script("const title = document.getElementById('room-title');"
        + " const users = document.getElementById('users');"
        + " return users.tagName === 'UL'"
        + " && Boolean(title.compareDocumentPosition(users) & Node.DOCUMENT_POSITION_FOLLOWING);"),
        "the user list is a <ul> after the room title");
  }

  @Test
  void bothFieldsEmptyMarksBothAsInvalid() {
    browser.openJoinPage();
    browser.find(By.id("username")).clear();
    browser.find(By.id("room")).clear();
    browser.find(By.id("join-button")).click();

    browser.waitUntil(d -> d.findElement(By.id("join-error")).isDisplayed());
    assertEquals("Enter a username and a room", browser.find(By.id("join-error")).getText());
    for (String id : List.of("username", "room")) {
      WebElement field = browser.find(By.id(id));
      assertEquals("true", field.getAttribute("aria-invalid"), id);
      assertEquals("join-error", field.getAttribute("aria-errormessage"), id);
      assertEquals(DANGER_BORDER, field.getCssValue("border-top-color"), id);
    }
  }

  @Test
  void afterLeavingTheRoomTheJoinPageHasTheNameAndRoomFilledIn() {
    String room = UniqueRooms.next("again");
    browser.joinThroughForm("Gina", room);

    browser.find(By.linkText("Leave room")).click();

    browser.waitUntil(d -> d.findElements(By.id("join-form")).size() == 1
        && "Gina".equals(d.findElement(By.id("username")).getAttribute("value")));
    assertEquals(room, browser.find(By.id("room")).getAttribute("value"));
  }

  @Test
  void theNameAndRoomFieldsStopAtTheServersLimits() {
    ServerConfig limits = ServerConfig.defaults();
    browser.openJoinPage();

    browser.waitUntil(d -> d.findElement(By.id("room")).getAttribute("maxlength") != null);
    assertEquals(String.valueOf(limits.maxUsernameLength()),
        browser.find(By.id("username")).getAttribute("maxlength"));
    assertEquals(String.valueOf(limits.maxRoomLength()), browser.find(By.id("room")).getAttribute("maxlength"));
  }

  @Test
  void atPhoneWidthALongRoomNameDoesNotMakeThePageScrollSideways() throws Exception {
    String room = longestRoomName();
    try (TestClient holder = TestClient.connect(server.wsUri()).joined("Hal", room)) {
      browser.resize(390, 844);
      try {
        waitForChip(room);
        assertEquals(true, browser.script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"));
      } finally {
        browser.resize(1280, 900);
      }
    }
  }

  @Test
  void aLongRoomNameEndsInAnEllipsisWithTheFullNameOnHover() throws Exception {
    String room = longestRoomName();
    try (TestClient holder = TestClient.connect(server.wsUri()).joined("Ida", room)) {
      WebElement name = waitForChip(room).findElement(By.className("room-chip__name"));

      assertEquals("ellipsis", name.getCssValue("text-overflow"));
      assertEquals(true, browser.script("return arguments[0].clientWidth < arguments[0].scrollWidth;", name));
      assertEquals(room.toLowerCase(), name.getAttribute("title"));
    }
  }

  @Test
  void aLongRoomNameKeepsItsCountOnOneLine() throws Exception {
    String room = longestRoomName();
    try (TestClient holder = TestClient.connect(server.wsUri()).joined("Jo", room)) {
      WebElement chip = waitForChip(room);

      assertEquals(true, browser.script("const chip = arguments[0];"
          + " const line = parseFloat(getComputedStyle(chip).lineHeight);"
          + " return chip.querySelector('.room-chip__count').getBoundingClientRect().height < 1.5 * line"
          + " && chip.querySelector('.room-chip__name').getBoundingClientRect().height < 1.5 * line;", chip));
      assertEquals("1 person", chip.findElement(By.className("room-chip__count")).getText());
    }
  }

  /** The colour the stylesheet gives an invalid field's border (var(--danger)). */
  private static final String DANGER_BORDER = "rgba(179, 38, 30, 1)";

  /** A room name as long as the server accepts, unique to the test and with no space to wrap at. */
  private static String longestRoomName() {
    String prefix = UniqueRooms.next("long");
    return prefix + "x".repeat(ServerConfig.defaults().maxRoomLength() - prefix.length());
  }

  /** Opens the join page and waits for the chip of `room`. */
  private static WebElement waitForChip(String room) {
    browser.openJoinPage();
    return browser.waitUntil(d -> d.findElements(By.cssSelector("#room-list .room-chip")).stream()
        .filter(c -> room.toLowerCase().equals(c.findElement(By.className("room-chip__name")).getAttribute("title")))
        .findFirst().orElse(null));
  }

  private static Object activeElementId() {
    return browser.script("return document.activeElement && document.activeElement.id;");
  }

  private static void typeIntoFocused(CharSequence keys) {
    browser.driver().switchTo().activeElement().sendKeys(keys);
  }
}
