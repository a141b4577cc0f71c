package chat.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals are read as written; names are never looked up (they come from flags and headers). */
class IpLiteralTest {

  @ParameterizedTest
  @CsvSource({"203.0.113.7, 203.0.113.7", "0.0.0.0, 0.0.0.0", "2001:db8::1, 2001:db8:0:0:0:0:0:1",
      "::1, 0:0:0:0:0:0:0:1", "::ffff:10.0.0.1, 10.0.0.1"})
  void aLiteralIsItsAddress(String text, String formatted) {
    assertEquals(formatted, IpLiteral.parse(text).orElseThrow().getHostAddress());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "example.com", "unknown", "", "1.2.3", "1.2.3.4.5", "300.1.1.1", "1:2",
      "abc", "_hidden", "1.2.3.4 ", "[::1]"})
  void anythingElseIsNoAddress(String text) {
    assertEquals(Optional.<InetAddress>empty(), IpLiteral.parse(text));
  }
}
