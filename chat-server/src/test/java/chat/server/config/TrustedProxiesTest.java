package chat.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** --trusted-proxies names the reverse proxies whose X-Forwarded-For is believed: addresses and CIDR blocks. */
class TrustedProxiesTest {

  @Test
  void nobodyIsTrustedByDefault() throws Exception {
    TrustedProxies proxies = ServerConfig.defaults().trustedProxies();

    assertEquals(TrustedProxies.none(), proxies);
    assertFalse(proxies.trusts(InetAddress.getByName("127.0.0.1")));
  }

  @Test
  void theFlagTakesAddressesAndBlocksSeparatedByCommas() throws Exception {
    TrustedProxies proxies = ServerConfig.parse(
        new String[] {"--trusted-proxies", "127.0.0.1, 10.0.0.0/8,fd00::/8"}, Map.of()).trustedProxies();

    assertTrue(proxies.trusts(InetAddress.getByName("127.0.0.1")));
    assertTrue(proxies.trusts(InetAddress.getByName("10.200.3.4")));
    assertTrue(proxies.trusts(InetAddress.getByName("fd12::7")));
    assertFalse(proxies.trusts(InetAddress.getByName("127.0.0.2")));
    assertFalse(proxies.trusts(InetAddress.getByName("203.0.113.7")));
  }

  @Test
  void theEnvironmentTwinSetsThem() throws Exception {
    TrustedProxies proxies = ServerConfig.parse(new String[0], Map.of("TRUSTED_PROXIES", "192.168.1.0/24"))
        .trustedProxies();

    assertTrue(proxies.trusts(InetAddress.getByName("192.168.1.254")));
    assertFalse(proxies.trusts(InetAddress.getByName("192.168.2.1")));
  }

  @Test
  void theFlagIsListedByHelp() {
    assertTrue(ServerOptions.helpText().contains("--trusted-proxies "));
    assertTrue(ServerOptions.helpText().contains("env TRUSTED_PROXIES,"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy.internal", "localhost", "10.0.0.0/33", "256.1.1.1", "10.0.0.0/", "::1/129", "*"})
  void anythingButAnAddressOrABlockIsRefusedWithTheFlagsName(String entry) {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ServerConfig.parse(new String[] {"--trusted-proxies", "127.0.0.1," + entry}, Map.of()));

    assertEquals("--trusted-proxies: '" + entry + "' is not an IP address or a CIDR block such as 127.0.0.1,"
        + " 10.0.0.0/8 or fd00::/8", error.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "10.0.0.0/8, 10.255.255.255, true",
      "10.0.0.0/8, 11.0.0.0, false",
      "192.168.1.128/25, 192.168.1.200, true",
      "192.168.1.128/25, 192.168.1.127, false",
      "0.0.0.0/0, 203.0.113.7, true",
      "203.0.113.7, 203.0.113.7, true",
      "203.0.113.7, 203.0.113.8, false",
      "::1, ::1, true",
      "2001:db8::/32, 2001:db8:ffff::1, true",
      "2001:db8::/32, 2001:db9::1, false",
      "0.0.0.0/0, ::1, false",
      "::/0, 127.0.0.1, false"})
  void aBlockContainsExactlyItsAddresses(String range, String address, boolean contained) throws Exception {
    assertEquals(contained, AddressRange.parse(range).orElseThrow().contains(InetAddress.getByName(address)));
  }
}
