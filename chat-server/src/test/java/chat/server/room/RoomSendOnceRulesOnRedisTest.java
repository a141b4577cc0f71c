package chat.server.room;

import chat.server.support.SharedRedis;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The send-once rules on the cluster's Redis log: one real redis-server for the class, a key prefix per test. */
class RoomSendOnceRulesOnRedisTest extends RoomSendOnceRules {
  @RegisterExtension static final SharedRedis REDIS = new SharedRedis();

  @Override
  RoomHarness newHarness(Map<String, String> settings) {
    return RoomHarness.onRedis(settings, REDIS.uri());
  }
}
