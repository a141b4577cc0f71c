package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.TestClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** "Switch room" moves the page only once the server accepted; a refusal leaves the room as it was. */
class RoomSwitchTest extends OneBrowserPerClass {

  @Test
  void anAcceptedSwitchShowsTheNewRoomAndNothingOfTheOld() {
    String first = UniqueRooms.next("first");
    String second = UniqueRooms.next("second");
    browser.join("Alice", first);
    try (TestClient bob = TestClient.connect(server.wsUri()).joined("Bob", first).said("in the first room");
        TestClient carol = TestClient.connect(server.wsUri()).joined("Carol", second).said("in the second room")) {
      browser.waitForMessage("in the first room");

      switchTo(second);

      browser.waitUntil(d -> browser.roomTitle().equals(second));
      browser.waitForUsers(List.of("Carol", "Alice"));
      bob.said("the first room goes on");
      carol.said("hello Alice");
      browser.waitForMessage("hello Alice");
      List<String> shown = browser.messageTexts();
      assertEquals(List.of("Carol has joined!", "in the second room", "Welcome!", "hello Alice"), shown);
      assertTrue(browser.driver().getCurrentUrl().contains("room=" + second), browser.driver().getCurrentUrl());
      assertTrue(browser.driver().getTitle().startsWith("#" + second), browser.driver().getTitle());
    }
  }

  @Test
  void aRefusedSwitchLeavesTheRoomAndItsListAsTheyWere() {
    String first = UniqueRooms.next("stay");
    String taken = UniqueRooms.next("taken");
    browser.join("Alice", first);
    try (TestClient bob = TestClient.connect(server.wsUri()).joined("Bob", first).said("still here");
        TestClient otherAlice = TestClient.connect(server.wsUri()).joined("alice", taken)) {
      browser.waitForMessage("still here");
      List<String> before = browser.messageTexts();

      switchTo(taken);

      browser.waitUntil(d -> d.findElement(By.id("switch-error")).isDisplayed());
      assertEquals("Username is in use!", browser.find(By.id("switch-error")).getText());
      assertEquals(first, browser.roomTitle());
      assertEquals(before, browser.messageTexts());
      bob.said("and the room goes on");
      browser.waitForMessage("and the room goes on");
    }
  }

  private static void switchTo(String room) {
    browser.type(By.id("switch-room"), room);
    browser.find(By.id("switch-button")).click();
  }
}
