package chat.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

  @Test
  void defaultsServeHttpOn3000AndWebSocketsOn3001() {
    ServerConfig config = ServerConfig.defaults();
    assertEquals(3000, config.httpPort());
    assertEquals(3001, config.wsPort());
    assertEquals("0.0.0.0", config.host());
    assertNull(config.publicWsUrl());
    assertEquals(2000, config.maxMessageLength());
    assertEquals(65536, config.maxMessageBytes());
    assertEquals(Duration.ofSeconds(30), config.joinTimeout());
  }

  @Test
  void portComesFromTheEnvironmentLikeTheCourseApp() {
    ServerConfig config = ServerConfig.parse(new String[0], Map.of("PORT", "8080"));
    assertEquals(8080, config.httpPort());
    assertEquals(8081, config.wsPort());
  }

  @Test
  void aFlagBeatsItsEnvironmentVariable() {
    ServerConfig config = ServerConfig.parse(new String[] {"--port", "9000", "--ws-port=9100"},
        Map.of("PORT", "8080", "WS_PORT", "8081"));
    assertEquals(9000, config.httpPort());
    assertEquals(9100, config.wsPort());
  }

  @Test
  void portZeroPicksFreePortsForBoth() {
    ServerConfig config = ServerConfig.parse(new String[] {"--port", "0"}, Map.of());
    assertEquals(0, config.wsPort());
  }

  @Test
  void everyLimitHasAnEnvironmentTwin() {
    ServerConfig config = ServerConfig.parse(new String[0], Map.of("MAX_MESSAGE_BYTES", "1024",
        "RATE_LIMIT", "0", "ALLOWED_ORIGINS", "https://a.example, https://b.example"));
    assertEquals(1024, config.maxMessageBytes());
    assertEquals(0.0, config.rateLimit());
    assertEquals(2, config.allowedOrigins().size());
  }

  @Test
  void unknownOptionsAreRefused() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ServerConfig.parse(new String[] {"--prot", "1"}, Map.of()));
    assertEquals("Unknown option --prot (see --help)", e.getMessage());
  }

  @Test
  void anUnknownLastFlagIsUnknownRatherThanLackingAValue() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ServerConfig.parse(new String[] {"--frobnicate"}, Map.of()));
    assertEquals("Unknown option --frobnicate (see --help)", e.getMessage());
  }

  @Test
  void aKnownLastFlagNeedsAValue() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ServerConfig.parse(new String[] {"--port"}, Map.of()));
    assertEquals("Option --port needs a value", e.getMessage());
  }

  @Test
  void pagesAndWebSocketCannotShareAPort() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ServerConfig.parse(new String[] {"--port", "3300", "--ws-port", "3300"}, Map.of()));
    assertEquals("--port and --ws-port are both 3300: the pages and the WebSocket need a port each,"
        + " so change one of them", e.getMessage());
  }

  @Test
  void theLastPortLeavesNoneAboveItForTheWebSocket() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ServerConfig.parse(new String[] {"--port", "65535"}, Map.of()));
    assertEquals("--port 65535 leaves no port above it for the WebSocket: set --ws-port", e.getMessage());
  }

  @Test
  void unreadableValuesAreRefusedWithTheExpectedForm() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ServerConfig.parse(new String[] {"--port", "http"}, Map.of()));
    assertEquals("--port must be a whole number, not 'http'", e.getMessage());
    assertThrows(ConfigException.class, () -> ServerConfig.parse(new String[] {"--port", "70000"}, Map.of()));
  }

  @Test
  void helpListsEveryFlagWithItsEnvironmentVariable() {
    String help = ServerOptions.helpText();
    for (ServerOptions.Option option : ServerOptions.OPTIONS) {
      assertTrue(help.contains("--" + option.flag()), option.flag());
      assertTrue(help.contains("env " + option.env()), option.env());
    }
  }
}
