package chat.server.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real redis-server for a whole test class (register it as a static extension); each test keeps to a key
 * prefix of its own, so the tests never see each other's keys.
 */
public final class SharedRedis implements BeforeAllCallback, AfterAllCallback {
  private Path directory;
  private RedisServer redis;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    directory = Files.createTempDirectory("shared-redis");
    redis = RedisServer.start(directory);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    redis.close();
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  public URI uri() {
    return redis.uri();
  }

  /** One command, as {@link RedisServer#command} sends it. */
  public String command(String line) throws java.io.IOException {
    return redis.command(line);
  }
}
