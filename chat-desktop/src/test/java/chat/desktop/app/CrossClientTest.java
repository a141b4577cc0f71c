package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.testing.Await;
import chat.desktop.testing.Chromium;
import chat.desktop.testing.TestServer;
import chat.protocol.testing.CuttableRelay;
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
import org.openqa.selenium.StaleElementReferenceException;
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
class CrossClientTest extends RelayedDesktopUiTest {
  private static final String ROOM = "crossroads";

  /** The page's way to the server (through {@code --public-ws-url}); the app's is the inherited relay. */
  private final CuttableRelay browserLine = new CuttableRelay();

  @Override
  protected String[] serverOptions() {
    return new String[] {"--public-ws-url", browserLine.wsUri("localhost").toString()};
  }

  @Override
  protected TestServer startServer() {
    TestServer started = super.startServer();
    browserLine.forwardTo(started.wsPort());
    return started;
  }

  @AfterEach
  void closeBrowserLine() {
    browserLine.close();
  }

  @TempDir Path profile;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Chromium.start(profile);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class); // an element re-rendered between its find and its read
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

    clickOnFx("#messageField").write("Hello from the desktop").type(KeyCode.ENTER);
    wait.until(page -> page.findElement(By.tagName("body")).getText().contains("Hello from the desktop"));
  }

  @Test
  void aDesktopUserWhoWasOfflineSeesWhatTheBrowserUserSaidMeanwhileOnceInOrder() throws Exception {
    joinBoth();
    relay.cut();
    Await.until("the desktop is offline", () -> connectionText().startsWith("Connection lost"));
    say("first while you were away");
    say("second while you were away");
    relay.heal();
    Await.until("the desktop is back", () -> connectionText().equals("Connected"));
    Await.until("the missed messages show", () -> shownMessages().contains("second while you were away"));
    say("back together");
    Await.until("live again", () -> shownMessages().contains("back together"));
    List<String> fromBob = shownMessages().stream()
        .filter(text -> text.contains("while you were away") || text.equals("back together")).toList();
    assertEquals(List.of("first while you were away", "second while you were away", "back together"), fromBob);
    assertEquals(1, shownMessages().stream().filter("Welcome!"::equals).count(), "one Welcome!");
    assertEquals(List.of("Alice", "Bob"), users());
  }

  /**
   * The other way round: the page takes its seat back silently (the desktop sees no leave or join), shows
   * what the desktop said while it was away once, then what is said after its return, in that order.
   */
  @Test
  void aBrowserUserWhoWasOfflineComesBackSilentlyAndSeesWhatTheDesktopSaidOnceInOrder() throws Exception {
    joinBoth();
    int shownBefore = shownMessages().size();
    browserLine.cut();
    wait.until(page -> page.findElement(By.id("connection-banner")).isDisplayed());
    clickOnFx("#messageField").write("said while the page was away").type(KeyCode.ENTER);
    Await.until("the desktop shows it", () -> shownMessages().contains("said while the page was away"));
    browserLine.heal();
    wait.until(page -> !page.findElement(By.id("connection-banner")).isDisplayed());
    clickOnFx("#messageField").write("said after the page came back").type(KeyCode.ENTER);
    wait.until(page -> pageMessages(page).contains("said after the page came back"));
    List<String> fromAlice = pageMessages(browser).stream()
        .filter(text -> text.startsWith("said while") || text.startsWith("said after")).toList();
    assertEquals(List.of("said while the page was away", "said after the page came back"), fromAlice);
    List<String> since = shownMessages().subList(shownBefore, shownMessages().size());
    assertTrue(since.stream().noneMatch(text -> text.startsWith("Bob has")), "no leave or join: " + since);
  }

  private void joinBoth() throws Exception {
    assertChatPageIsServed();
    joinAs("Alice", ROOM);
    browser.get(server.address() + "chat.html?username=Bob&room=" + URLEncoder.encode(ROOM, StandardCharsets.UTF_8));
    wait.until(ExpectedConditions.elementToBeClickable(messageInput()));
    Await.until("the desktop sidebar lists Bob", () -> users().equals(List.of("Alice", "Bob")));
  }

  /** Bob sends from the page and waits until the page shows it. */
  private void say(String text) {
    browser.findElement(messageInput()).sendKeys(text);
    browser.findElement(By.xpath("//button[normalize-space()='Send']")).click();
    wait.until(page -> pageMessages(page).contains(text));
  }

  /** The texts of the page's message list, one per item. */
  private static List<String> pageMessages(WebDriver page) {
    return page.findElements(By.cssSelector("#messages li")).stream().map(WebElement::getText)
        .flatMap(text -> text.lines()).toList();
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
