package chat.server.transport;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** A connection's remote address as logs show it: {@code 127.0.0.1:53211}, {@code [::1]:53211}. */
final class RemoteAddress {
  private RemoteAddress() {}

  static String format(InetSocketAddress address) {
    if (address == null) {
      return "an unknown address";
    }
    if (address.getAddress() == null) {
      return address.getHostString() + ":" + address.getPort();
    }
    String host = address.getAddress().getHostAddress();
    return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
