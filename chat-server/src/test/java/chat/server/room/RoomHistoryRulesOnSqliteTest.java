package chat.server.room;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The history rules on the SQLite store, a real file per test. */
class RoomHistoryRulesOnSqliteTest extends RoomHistoryRules {
  @TempDir static Path dataDirs;

  @Override
  RoomHarness newHarness(Map<String, String> settings) {
    return new RoomHarness(settings, TestStores.sqliteUnder(dataDirs));
  }
}
