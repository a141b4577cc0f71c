package chat.server.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes a browser profile directory after its browser has quit. */
final class ProfileDirectory {
  private ProfileDirectory() {}

  static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temp directory is harmless; the next run uses a new one.
    }
  }
}
