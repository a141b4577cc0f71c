package chat.server.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through its own chromedriver, both given by path so that Selenium never
 * downloads anything. A missing binary is a test failure with a clear message, never a skip.
 */
final class ChromeLauncher {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /**
   * Debian's Chromium is newer than the DevTools bindings in Selenium 4.49; the tests only use raw CDP
   * commands, so the version-mismatch warning is noise. Held in a field: java.util.logging keeps loggers weakly.
   */
  private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_LOG.setLevel(Level.SEVERE);
  }

  private ChromeLauncher() {}

  /**
   * A fresh browser with its own throw-away profile directory; {@code extraArguments} are added to the usual
   * ones (such as the one certificate a TLS test's browser may accept).
   */
  static LaunchedChrome launch(int width, int height, String... extraArguments) {
    requireExecutable(CHROMIUM, "chromium");
    requireExecutable(CHROMEDRIVER, "chromium-driver");
    Path profile = createProfileDirectory();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--lang=en-US", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    options.addArguments(extraArguments);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new LaunchedChrome(new ChromeDriver(service, options), profile);
  }

  private static void requireExecutable(Path path, String debianPackage) {
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          "Browser tests need " + path + " but it is missing or not executable;"
              + " install it with: apt-get install -y " + debianPackage);
    }
  }

  private static Path createProfileDirectory() {
    try {
      return Files.createTempDirectory("chat-chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The driver plus the profile directory to delete once the browser has quit. */
  record LaunchedChrome(ChromeDriver driver, Path profile) {}
}
