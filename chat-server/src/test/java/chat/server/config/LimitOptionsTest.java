package chat.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every limit is a flag with an UPPER_SNAKE environment twin, listed by --help with its default. */
class LimitOptionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"max-message-bytes", "rate-limit", "rate-burst", "max-buffered-bytes", "max-connections",
      "max-connections-per-address", "join-timeout", "connection-lost-timeout", "allowed-origins", "http-request-timeout"})
  void eachLimitIsListedByHelpWithItsEnvironmentTwin(String flag) {
    String env = flag.toUpperCase(Locale.ROOT).replace('-', '_');
    assertTrue(ServerOptions.helpText().contains("--" + flag + " "), flag);
    assertTrue(ServerOptions.helpText().contains("env " + env + ","), env);
  }

  @Test
  void theDefaultsSuitASmallPublicServer() {
    ServerConfig config = ServerConfig.defaults();

    assertEquals(65_536, config.maxMessageBytes());
    assertEquals(10.0, config.rateLimit());
    assertEquals(20, config.rateBurst());
    assertEquals(1_048_576, config.maxBufferedBytes());
    assertEquals(20_000, config.maxConnections());
    assertEquals(0, config.maxConnectionsPerAddress());
    assertEquals(Duration.ofSeconds(30), config.joinTimeout());
    assertEquals(Duration.ofSeconds(20), config.connectionLostTimeout());
    assertEquals(List.of(), config.allowedOrigins());
    assertEquals(Duration.ofSeconds(10), config.httpRequestTimeout());
  }

  @Test
  void environmentTwinsSetTheLimits() {
    ServerConfig config = ServerConfig.parse(new String[0], Map.of("MAX_MESSAGE_BYTES", "1024",
        "RATE_LIMIT", "0", "RATE_BURST", "5", "MAX_BUFFERED_BYTES", "4096", "MAX_CONNECTIONS", "7",
        "MAX_CONNECTIONS_PER_ADDRESS", "3", "JOIN_TIMEOUT", "9", "CONNECTION_LOST_TIMEOUT", "11",
        "ALLOWED_ORIGINS", "https://a.example, https://b.example"));

    assertEquals(1024, config.maxMessageBytes());
    assertEquals(0.0, config.rateLimit());
    assertEquals(5, config.rateBurst());
    assertEquals(4096, config.maxBufferedBytes());
    assertEquals(7, config.maxConnections());
    assertEquals(3, config.maxConnectionsPerAddress());
    assertEquals(Duration.ofSeconds(9), config.joinTimeout());
    assertEquals(Duration.ofSeconds(11), config.connectionLostTimeout());
    assertEquals(List.of("https://a.example", "https://b.example"), config.allowedOrigins());
  }

  @Test
  void flagsBeatTheirEnvironmentTwins() {
    ServerConfig config = ServerConfig.parse(new String[] {"--rate-limit", "2.5", "--max-connections=9"},
        Map.of("RATE_LIMIT", "0", "MAX_CONNECTIONS", "7"));

    assertEquals(2.5, config.rateLimit());
    assertEquals(9, config.maxConnections());
  }
}
