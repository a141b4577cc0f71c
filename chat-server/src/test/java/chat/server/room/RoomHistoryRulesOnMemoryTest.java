package chat.server.room;

import chat.server.store.MemoryHistoryStore;
import java.util.Map;

/** The history rules on the memory store. */
class RoomHistoryRulesOnMemoryTest extends RoomHistoryRules {
  @Override
  RoomHarness newHarness(Map<String, String> settings) {
    return new RoomHarness(settings, new MemoryHistoryStore());
  }
}
