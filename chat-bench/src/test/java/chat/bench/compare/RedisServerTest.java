package chat.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.bench.probe.RedisInfo;
import chat.bench.probe.RedisProbe;
import chat.bench.probe.RespClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster scenarios' Redis, for real: needs Debian's redis-server on the PATH, and fails without it. */
class RedisServerTest {
  @TempDir
  Path logs;

  @Test
  void aFreshRedisAnswersOnLoopbackPersistsNothingAndCountsWhatItIsSent() throws IOException {
    try (RedisServer redis = RedisServer.start(logs.resolve("redis.log"))) {
      RedisProbe probe = new RedisProbe(redis.pid(), redis.port);
      long before = probe.commandsProcessed();
      try (RespClient client = RespClient.connect(redis.port)) {
        for (int i = 0; i < 5; i++) {
          assertEquals("PONG", client.command("PING"));
        }
        assertEquals(0, RedisInfo.parse(client.command("INFO", "persistence")).number("aof_enabled"));
      }

      assertEquals(6, RedisProbe.commandsBetween(before, probe.commandsProcessed()), "5 PINGs and the INFO");
      assertTrue(probe.cpuSplit()[0] >= 0, "its /proc/PID/stat is readable");
      assertTrue(probe.io().known());
    }
  }

  @Test
  void afterTheRunItIsGoneWithItsDirectory() throws IOException {
    RedisServer redis = RedisServer.start(logs.resolve("redis.log"));
    Path directory = redis.directory();
    assertTrue(Files.isDirectory(directory));

    redis.close();

    assertFalse(Files.exists(directory));
    assertThrows(IOException.class, () -> RespClient.connect(redis.port).close(), "nothing listens any more");
  }

  @Test
  void aMissingBinaryIsReportedAtOnceNamingThePackage(@TempDir Path empty) {
    IOException missing = assertThrows(IOException.class, () -> RedisServer.binary(empty.toString()));

    assertTrue(missing.getMessage().contains("apt-get install redis-server"), missing.getMessage());
  }
}
