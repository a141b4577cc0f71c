package chat.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MemoryHistoryStoreTest extends HistoryStoreContract {
  @Override
  HistoryStore open(Path dataDir) {
    return new MemoryHistoryStore();
  }

  @Test
  void describesItselfAsMemory() {
    assertEquals("memory", store.describe());
  }
}
