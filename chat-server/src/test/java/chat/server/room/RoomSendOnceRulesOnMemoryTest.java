package chat.server.room;

import chat.server.store.MemoryHistoryStore;
import java.util.Map;

/** The send-once rules on the memory store. */
class RoomSendOnceRulesOnMemoryTest extends RoomSendOnceRules {
  @Override
  RoomHarness newHarness(Map<String, String> settings) {
    return new RoomHarness(settings, new MemoryHistoryStore());
  }
}
