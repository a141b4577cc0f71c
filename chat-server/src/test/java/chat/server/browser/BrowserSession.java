package chat.server.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One headless Chromium driven like a user of the chat pages; every wait is a condition with a timeout. */
final class BrowserSession implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final ChromeDriver driver;
  private final Path profile;
  private final FluentWait<WebDriver> wait;
  private final URI base;

  private BrowserSession(ChromeLauncher.LaunchedChrome chrome, URI base) {
    this.driver = chrome.driver();
    this.profile = chrome.profile();
    this.wait = waitFor(TIMEOUT);
    this.base = base;
  }

  static BrowserSession open(URI base, String... chromeArguments) {
    return new BrowserSession(ChromeLauncher.launch(1280, 900, chromeArguments), base);
  }

  WebDriver driver() {
    return driver;
  }

  void openJoinPage() {
    driver.get(base.toString());
    waitUntil(d -> "complete".equals(script("return document.readyState")));
  }

  /** Fills and submits the join form, then waits until the chat page has joined the room. */
  void joinThroughForm(String username, String room) {
    openJoinPage();
    type(By.id("username"), username);
    type(By.id("room"), room);
    find(By.id("join-button")).click();
    waitUntilJoined();
  }

  /** Opens the chat page directly, as the join form would, and waits until it has joined. */
  void join(String username, String room) {
    openChatPage(username, room);
    waitUntilJoined();
  }

  void openChatPage(String username, String room) {
    driver.get(base.resolve("/chat.html?username=" + encode(username) + "&room=" + encode(room)).toString());
  }

  /** Waits until the chat page is in its room (the composer alone cannot tell: it stays usable offline). */
  void waitUntilJoined() {
    waitUntilJoined(TIMEOUT);
  }

  void waitUntilJoined(Duration timeout) {
    waitUntil(timeout, d -> d.getCurrentUrl().contains("/chat.html")
        && "joined".equals(script("return document.body.dataset.connection;")));
  }

  /** Types a message, presses Send and waits for the box to be cleared by the success ack. */
  void send(String text) {
    type(By.id("message-input"), text);
    find(By.id("send-button")).click();
    waitUntil(d -> find(By.id("message-input")).getAttribute("value").isEmpty());
  }

  /** The texts of all messages and notices in the log, oldest first. */
  List<String> messageTexts() {
    return texts("#messages .message__text");
  }

  void waitForMessage(String text) {
    waitUntil(d -> messageTexts().contains(text));
  }

  /** The user list in the sidebar, top to bottom. */
  List<String> users() {
    return texts("#users .user-list__name");
  }

  void waitForUsers(List<String> expected) {
    waitUntil(d -> users().equals(expected));
  }

  String roomTitle() {
    return find(By.id("room-title")).getText();
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  void type(By field, String text) {
    WebElement input = find(field);
    input.clear();
    input.sendKeys(text);
  }

  Object script(String source, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(source, args);
  }

  <T> T waitUntil(Function<WebDriver, T> condition) {
    return wait.until(condition);
  }

  /** For the few waits that span a deliberate delay on the page, such as a reconnect backoff. */
  <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
    return waitFor(timeout).until(condition);
  }

  /**
   * A wait that also asks again when an element went stale between its find and its read: the page re-rendered
   * it, or navigated (a join page that hands over to the chat page and comes back with an error).
   */
  private FluentWait<WebDriver> waitFor(Duration timeout) {
    return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class);
  }

  /** The text of the connection banner, or "" while it is hidden. */
  String bannerText() {
    WebElement banner = find(By.id("connection-banner"));
    return banner.isDisplayed() ? find(By.id("connection-text")).getText() : "";
  }

  /** A raw DevTools command (for what WebDriver cannot see, such as a background tab's title). */
  Map<String, Object> devTools(String command, Map<String, Object> parameters) {
    return driver.executeCdpCommand(command, parameters);
  }

  /** Makes the page's clock read local time in {@code zone} (an IANA id such as {@code Etc/GMT-5}). */
  void useTimeZone(String zone) {
    driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
  }

  /** Grants geolocation to the page and makes the browser report this position. */
  void fakePosition(double latitude, double longitude) {
    driver.executeCdpCommand("Browser.grantPermissions", Map.of(
        "origin", base.resolve("/").toString().replaceAll("/$", ""), "permissions", List.of("geolocation")));
    driver.executeCdpCommand("Emulation.setGeolocationOverride",
        Map.of("latitude", latitude, "longitude", longitude, "accuracy", 10));
  }

  /** Makes the browser refuse geolocation as a user clicking "Block" would. */
  void denyGeolocation() {
    driver.executeCdpCommand("Browser.setPermission", Map.of(
        "origin", base.resolve("/").toString().replaceAll("/$", ""),
        "permission", Map.of("name", "geolocation"), "setting", "denied"));
  }

  /** Makes pages opened from now on see no navigator.geolocation, like a browser without it; returns an id. */
  Object hideGeolocationOnNewPages() {
    return driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "Object.defineProperty(Navigator.prototype, 'geolocation', { get: () => undefined });"))
        .get("identifier");
  }

  /**
   * Makes pages opened from now on keep every JSON frame they send on a WebSocket in {@code window.sentFrames},
   * so a test can check what a join carried.
   */
  void recordSentFramesOnNewPages() {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "window.sentFrames = []; const originalSend = WebSocket.prototype.send;"
            + " WebSocket.prototype.send = function (data) {"
            + "   try { window.sentFrames.push(JSON.parse(data)); } catch (e) { /* not JSON: not ours */ }"
            + "   return originalSend.call(this, data); };"));
  }

  /** The frames of this type the page sent, oldest first (see {@link #recordSentFramesOnNewPages()}). */
  List<Map<String, Object>> sentFrames(String type) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> frames = (List<Map<String, Object>>) script(
        "return (window.sentFrames || []).filter(f => f.type === arguments[0]);", type);
    return frames;
  }

  /**
   * Makes pages opened from now on pass every frame they receive through {@code window.dropFrame(data)} first,
   * and drop it when that returns true: a test can lose one frame on the way, as a broken relay might.
   */
  void allowDroppingFramesOnNewPages() {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "const originalAdd = WebSocket.prototype.addEventListener;"
            + " WebSocket.prototype.addEventListener = function (type, listener, options) {"
            + "   if (type !== 'message') return originalAdd.call(this, type, listener, options);"
            + "   return originalAdd.call(this, type, (event) => {"
            + "     if (window.dropFrame && window.dropFrame(String(event.data))) return;"
            + "     listener(event); }, options); };"));
  }

  /** How often the text appears among the log's messages. */
  long count(String text) {
    return messageTexts().stream().filter(text::equals).count();
  }

  void removeNewPageScript(Object identifier) {
    driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", identifier));
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      ProfileDirectory.delete(profile);
    }
  }

  /** The text of every element matching the selector, in document order. */
  List<String> texts(String css) {
    @SuppressWarnings("unchecked")
    List<String> texts = (List<String>) script(
        "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent);", css);
    return texts;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
