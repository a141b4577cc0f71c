package chat.server.room;

import chat.server.store.HistoryStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The history rules on the SQLite store, a real file per test. */
class RoomHistoryRulesOnSqliteTest extends RoomHistoryRules {
  @TempDir static Path dataDirs;

  @Override
  HistoryStore newStore() {
    return TestStores.sqliteUnder(dataDirs);
  }
}
