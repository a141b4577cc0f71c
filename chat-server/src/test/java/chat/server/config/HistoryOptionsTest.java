package chat.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** History, recovery and reconnect flags: where history lives, how much is kept, how long seats are held. */
class HistoryOptionsTest {

  @Test
  void historyIsKeptInSqliteUnderDataByDefault() {
    ServerConfig config = ServerConfig.defaults();

    assertEquals(StoreKind.SQLITE, config.store());
    assertEquals(Path.of("./data"), config.dataDir());
    assertEquals(10_000, config.historyLimit());
    assertEquals(Duration.ofDays(30), config.historyMaxAge());
    assertEquals(50, config.historyOnJoin());
    assertEquals(1_000, config.maxRecovery());
    assertEquals(Duration.ofHours(24), config.dedupWindow());
    assertEquals(Duration.ofSeconds(30), config.reconnectGrace());
  }

  @Test
  void flagsAndEnvironmentTwinsChooseTheStore() {
    assertEquals(StoreKind.MEMORY, parse("--store", "memory").store());
    assertEquals(StoreKind.MEMORY, ServerConfig.parse(new String[0], Map.of("STORE", "MEMORY")).store());
    assertEquals(Path.of("/srv/chat"), ServerConfig.parse(new String[0], Map.of("DATA_DIR", "/srv/chat")).dataDir());
  }

  @ParameterizedTest
  @CsvSource({"500ms, PT0.5S", "30s, PT30S", "15m, PT15M", "24h, PT24H", "30d, PT720H", "0, PT0S"})
  void durationsTakeAUnit(String text, Duration expected) {
    assertEquals(expected, parse("--reconnect-grace", text).reconnectGrace());
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "1w", "-5s", "s", "1.5h", ""})
  void aDurationWithoutAKnownUnitIsRefusedNamingTheFlag(String text) {
    ConfigException error = assertThrows(ConfigException.class, () -> parse("--history-max-age", text));

    assertTrue(error.getMessage().startsWith("--history-max-age must be a duration"), error.getMessage());
  }

  @Test
  void aZeroRetentionIsRefused() {
    ConfigException error = assertThrows(ConfigException.class, () -> parse("--dedup-window", "0"));

    assertTrue(error.getMessage().contains("longer than zero"), error.getMessage());
  }

  @Test
  void anUnknownStoreIsRefused() {
    ConfigException error = assertThrows(ConfigException.class, () -> parse("--store", "postgres"));

    assertEquals("--store must be sqlite or memory, not 'postgres'", error.getMessage());
  }

  @Test
  void commitsAreFlushedPeriodicallyUnlessAskedToFlushEachOne() {
    assertEquals(FsyncPolicy.PERIODIC, ServerConfig.defaults().fsync());
    assertEquals(FsyncPolicy.ALWAYS, parse("--fsync", "always").fsync());
    assertEquals(FsyncPolicy.ALWAYS, ServerConfig.parse(new String[0], Map.of("FSYNC", "always")).fsync());
    ConfigException error = assertThrows(ConfigException.class, () -> parse("--fsync", "never"));
    assertTrue(error.getMessage().contains("--fsync"), error.getMessage());
  }

  @Test
  void thePlainNumberFlagsKeepTheirMeaning() {
    ServerConfig config = parse("--join-timeout", "9");

    assertEquals(Duration.ofSeconds(9), config.joinTimeout());
  }

  private static ServerConfig parse(String flag, String value) {
    return ServerConfig.parse(new String[] {flag, value}, Map.of());
  }
}
