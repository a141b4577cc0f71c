package chat.desktop.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Starts Debian's headless Chromium through its chromedriver; fails (never skips) when either is missing. */
public final class Chromium {
  private static final Path BROWSER = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  /**
   * Debian's Chromium is newer than Selenium 4.49's DevTools bindings, which these tests never use; the
   * logger is kept in a field so its quieter level is not lost to garbage collection.
   */
  private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_LOG.setLevel(Level.SEVERE);
  }

  private Chromium() {}

  /** A fresh browser with its own throw-away profile directory. */
  public static ChromeDriver start(Path profile) throws IOException {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      throw new AssertionError("This test needs " + BROWSER + " and " + DRIVER
          + " (apt-get install -y chromium chromium-driver)");
    }
    Files.createDirectories(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1200,800");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
    return new ChromeDriver(service, options);
  }
}
