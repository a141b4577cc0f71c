package chat.server.transport;

import chat.server.config.IpLiteral;
import chat.server.config.TrustedProxies;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where a connection comes from: the address its per-address cap counts ({@code null} when unknown) and how logs
 * name it. Behind a trusted proxy that is the client the proxy names in {@code X-Forwarded-For}, shown as
 * {@code 203.0.113.7 via 127.0.0.1:53211}.
 *
 * <p>Each proxy appends the address it was connected from, so the header is read from the right: past every
 * trusted hop, the first address that is not trusted is the client (the ones to its left are whatever that
 * client wrote). An entry that is no address literal ends the walk there: a trusted proxy never writes one.
 * Repeated header lines arrive joined with "; " (Java-WebSocket 1.6.0, pinned in {@code ClientAddressTest}).
 */
record ClientAddress(InetAddress address, String display) {

  /** The socket's own address, for a connection that came straight to the server. */
  static ClientAddress direct(InetSocketAddress peer) {
    return new ClientAddress(peer == null ? null : peer.getAddress(), RemoteAddress.format(peer));
  }

  /** {@code forwardedFor} is the header's value, blank or null when there is none. */
  static ClientAddress of(InetSocketAddress peer, String forwardedFor, TrustedProxies proxies) {
    if (peer == null || peer.getAddress() == null || forwardedFor == null || forwardedFor.isBlank()
        || !proxies.trusts(peer.getAddress())) {
      return direct(peer);
    }
    String[] hops = forwardedFor.split("[,;]");
    InetAddress client = null;
    for (int i = hops.length - 1; i >= 0; i--) {
      Optional<InetAddress> hop = IpLiteral.parse(withoutPort(hops[i].trim()));
      if (hop.isEmpty()) {
        break;
      }
      client = hop.get();
      if (!proxies.trusts(client)) {
        break;
      }
    }
    return client == null ? direct(peer)
        : new ClientAddress(client, client.getHostAddress() + " via " + RemoteAddress.format(peer));
  }

  /** Proxies may write {@code 203.0.113.7:41234} or {@code [2001:db8::1]:443}; only the address counts. */
  private static String withoutPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end < 0 ? hop : hop.substring(1, end);
    }
    int colon = hop.indexOf(':');
    return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
  }
}
