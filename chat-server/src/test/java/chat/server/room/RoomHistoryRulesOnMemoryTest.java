package chat.server.room;

import chat.server.store.HistoryStore;
import chat.server.store.MemoryHistoryStore;

/** The history rules on the memory store. */
class RoomHistoryRulesOnMemoryTest extends RoomHistoryRules {
  @Override
  HistoryStore newStore() {
    return new MemoryHistoryStore();
  }
}
