package chat.server.config;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies whose {@code X-Forwarded-For} header is believed ({@code --trusted-proxies}). A header
 * from anybody else is ignored: any client can send one.
 */
public record TrustedProxies(List<AddressRange> ranges) {

  public TrustedProxies {
    ranges = List.copyOf(ranges);
  }

  /** Trusts nobody: every connection's address is its own. */
  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /** Comma-separated addresses and CIDR blocks; blank for none. */
  static TrustedProxies parse(String text) {
    List<AddressRange> ranges = new ArrayList<>();
    for (String entry : text.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      Optional<AddressRange> range = AddressRange.parse(trimmed);
      if (range.isEmpty()) {
        throw new ConfigException("--trusted-proxies: '" + trimmed + "' is not an IP address or a CIDR block"
            + " such as 127.0.0.1, 10.0.0.0/8 or fd00::/8");
      }
      ranges.add(range.get());
    }
    return new TrustedProxies(ranges);
  }

  public boolean trusts(InetAddress address) {
    return ranges.stream().anyMatch(range -> range.contains(address));
  }
}
