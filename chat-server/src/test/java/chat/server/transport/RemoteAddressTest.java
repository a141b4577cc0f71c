package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Addresses in the logs read as people write them, without the JDK's leading slash. */
class RemoteAddressTest {

  @Test
  void anIpv4AddressIsHostColonPort() throws Exception {
    assertEquals("127.0.0.1:53211",
        RemoteAddress.format(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 53211)));
  }

  @Test
  void anIpv6AddressIsBracketed() throws Exception {
    assertEquals("[0:0:0:0:0:0:0:1]:53211",
        RemoteAddress.format(new InetSocketAddress(InetAddress.getByName("::1"), 53211)));
  }

  @Test
  void noAddressIsSaidSo() {
    assertEquals("an unknown address", RemoteAddress.format(null));
  }
}
