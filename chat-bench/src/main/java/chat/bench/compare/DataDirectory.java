package chat.bench.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh, empty directory for one server start's SQLite history (or a cluster's Redis), in the system's
 * temporary directory (the results file names its file system: a tmpfs would make every fsync free), deleted
 * with all it holds after the run.
 */
final class DataDirectory {
  private static final String PREFIX = "chat-bench-data-";

  private final Path path;

  private DataDirectory(Path path) {
    this.path = path;
  }

  static DataDirectory create() throws IOException {
    return create(PREFIX);
  }

  static DataDirectory create(String prefix) throws IOException {
    return new DataDirectory(Files.createTempDirectory(prefix));
  }

  /** The file system type ("ext4", "tmpfs", …) new data directories are made on. */
  static String fileSystemType() {
    try {
      return Files.getFileStore(Path.of(System.getProperty("java.io.tmpdir"))).type();
    } catch (IOException e) {
      return "unknown";
    }
  }

  Path path() {
    return path;
  }

  void delete() {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path entry : deepestFirst) {
        Files.deleteIfExists(entry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the data directory " + path, e);
    }
  }
}
