package chat.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The admin listener: on 127.0.0.1:9464 by default, 0 turns it off, and it never shares a public port. */
class AdminOptionsTest {

  @Test
  void byDefaultTheMetricsAreOnTheLoopbackAddressOnly() {
    ServerConfig config = ServerConfig.defaults();
    assertEquals("127.0.0.1", config.adminHost());
    assertEquals(OptionalInt.of(9464), config.adminPort());
  }

  @Test
  void zeroTurnsTheAdminListenerOff() {
    assertTrue(parse("--admin-port", "0").adminPort().isEmpty());
    assertTrue(ServerConfig.parse(new String[0], Map.of("ADMIN_PORT", "0")).adminPort().isEmpty());
  }

  @Test
  void aServerOnFreePortsHasNoAdminListenerUnlessAsked() {
    assertTrue(parse("--port", "0").adminPort().isEmpty());
    assertEquals(OptionalInt.of(9999), parse("--port", "0", "--admin-port", "9999").adminPort());
  }

  @Test
  void flagsAndVariablesMoveIt() {
    ServerConfig config = ServerConfig.parse(new String[] {"--admin-port", "9100"},
        Map.of("ADMIN_HOST", "10.0.0.5", "ADMIN_PORT", "9200"));
    assertEquals("10.0.0.5", config.adminHost());
    assertEquals(OptionalInt.of(9100), config.adminPort());
  }

  @Test
  void withPortsTurnsItOffAndWithAdminPortBackOn() {
    ServerConfig tests = ServerConfig.defaults().withPorts(0, 0);
    assertTrue(tests.adminPort().isEmpty());
    assertEquals(OptionalInt.of(0), tests.withAdminPort(0).adminPort());
  }

  @Test
  void theMetricsNeverShareAPublicPort() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse("--port", "9464"));
    assertEquals("--admin-port and --port are both 9464: the metrics need a port of their own, so change one"
        + " of them (or turn them off with --admin-port 0)", e.getMessage());
    assertThrows(ConfigException.class, () -> parse("--ws-port", "9464"));
  }

  @Test
  void unusableValuesAreRefused() {
    assertEquals("--admin-port must be a port from 0 to 65535, not '70000'",
        assertThrows(ConfigException.class, () -> parse("--admin-port", "70000")).getMessage());
    assertEquals("--admin-host must be an address, such as 127.0.0.1, not ''",
        assertThrows(ConfigException.class, () -> parse("--admin-host", "")).getMessage());
  }

  private static ServerConfig parse(String... flags) {
    return ServerConfig.parse(flags, Map.of());
  }
}
