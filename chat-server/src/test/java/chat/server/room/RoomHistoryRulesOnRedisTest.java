package chat.server.room;

import chat.server.support.RedisServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The history rules on the cluster's Redis log: one real redis-server for the class, a key prefix per test. */
class RoomHistoryRulesOnRedisTest extends RoomHistoryRules {
  @TempDir static Path redisFiles;
  static RedisServer redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start(redisFiles);
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @Override
  RoomHarness newHarness(Map<String, String> settings) {
    return RoomHarness.onRedis(settings, redis.uri());
  }
}
