package chat.desktop.app;

import chat.desktop.testing.Await;
import chat.desktop.testing.Chromium;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A desktop user and a browser user (headless Chromium on the server's own pages) in one room. The page is
 * driven only through what a person sees: the field labelled "Message", the "Send" button, the sidebar's user
 * list, the page text.
 */
class CrossClientTest extends DesktopUiTest {
  private static final String ROOM = "crossroads";

  @TempDir Path profile;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Chromium.start(profile);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void desktopAndBrowserUsersChatBothWaysAndSeeEachOther() throws Exception {
    assertChatPageIsServed();
    joinAs("Alice", ROOM);
    browser.get(server.address() + "chat.html?username=Bob&room=" + URLEncoder.encode(ROOM, StandardCharsets.UTF_8));
    WebElement message = wait.until(ExpectedConditions.elementToBeClickable(messageInput()));

    Await.until("the desktop sidebar lists Bob", () -> users().equals(List.of("Alice", "Bob")));
    wait.until(page -> sidebarUsers(page).stream().anyMatch(user -> user.contains("Alice"))
        && sidebarUsers(page).stream().anyMatch(user -> user.contains("Bob")));

    message.sendKeys("Hello from the browser");
    browser.findElement(By.xpath("//button[normalize-space()='Send']")).click();
    Await.until("the desktop shows the browser's message", () -> messageTexts().contains("Hello from the browser"));

    clickOn("#messageField").write("Hello from the desktop").type(KeyCode.ENTER);
    wait.until(page -> page.findElement(By.tagName("body")).getText().contains("Hello from the desktop"));
  }

  /** The pages come with the server; without them this test cannot say anything about the desktop. */
  private void assertChatPageIsServed() throws IOException, InterruptedException {
    HttpResponse<Void> page = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.address() + "chat.html")).build(),
        HttpResponse.BodyHandlers.discarding());
    if (page.statusCode() != 200) {
      throw new AssertionError("The server does not serve /chat.html (HTTP " + page.statusCode()
          + "): the browser pages must be on the server's class path under /public/");
    }
  }

  /** The text field whose label reads "Message". */
  private By messageInput() {
    return new By() {
      @Override
      public List<WebElement> findElements(org.openqa.selenium.SearchContext context) {
        List<WebElement> labels = context.findElements(By.xpath("//label[normalize-space()='Message']"));
        if (labels.isEmpty()) {
          return List.of();
        }
        return context.findElements(By.id(labels.get(0).getAttribute("for")));
      }

      @Override
      public String toString() {
        return "the field labelled 'Message'";
      }
    };
  }

  private static List<String> sidebarUsers(WebDriver page) {
    return page.findElements(By.cssSelector("#sidebar ul li")).stream().map(WebElement::getText).toList();
  }
}
