package chat.protocol.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the screenshot tests of every module write: the module's {@code target/screenshots}, so that a test run
 * leaves the working tree as it was; with {@code -Dscreenshots.refresh=true}, the repository's
 * {@code docs/screenshots}, which the README shows.
 */
public final class ScreenshotDirectory {
  public static final String REFRESH_PROPERTY = "screenshots.refresh";

  private ScreenshotDirectory() {}

  public static Path get() {
    if (Boolean.getBoolean(REFRESH_PROPERTY)) {
      return repositoryRoot().resolve("docs").resolve("screenshots");
    }
    return Path.of("target", "screenshots").toAbsolutePath();
  }

  /** The nearest directory above the working directory that holds the Maven Wrapper. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No mvnw above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
