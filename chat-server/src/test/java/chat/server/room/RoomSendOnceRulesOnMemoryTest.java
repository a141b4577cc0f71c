package chat.server.room;

import chat.server.store.HistoryStore;
import chat.server.store.MemoryHistoryStore;

/** The send-once rules on the memory store. */
class RoomSendOnceRulesOnMemoryTest extends RoomSendOnceRules {
  @Override
  HistoryStore newStore() {
    return new MemoryHistoryStore();
  }
}
