package chat.server.transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections, in total and per client address, and says when a new one would be one too many.
 * Checked at the handshake and counted once the connection opens, so handshakes racing on different decoder
 * threads can pass the cap by at most the number of those threads.
 */
final class ConnectionLimits {
  /** A slot frees when someone leaves; chat sessions last minutes, so asking again within seconds rarely helps. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  private final int maxConnections;
  private final int maxPerAddress;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

  /** {@code maxPerAddress} 0 means no per-address cap. */
  ConnectionLimits(int maxConnections, int maxPerAddress) {
    this.maxConnections = maxConnections;
    this.maxPerAddress = maxPerAddress;
  }

  /** Why a new connection from this address is refused (503 full, 429 over the address's share), or empty. */
  Optional<HandshakeRefusal> refusal(InetAddress address) {
    if (open.get() >= maxConnections) {
      return Optional.of(HandshakeRefusal.unavailable(
          "Server is full (" + maxConnections + " connections); try again later", RETRY_AFTER));
    }
    if (maxPerAddress > 0 && address != null && perAddress.getOrDefault(address, 0) >= maxPerAddress) {
      return Optional.of(HandshakeRefusal.tooMany(
          "Too many connections from one address (at most " + maxPerAddress + ")", RETRY_AFTER));
    }
    return Optional.empty();
  }

  void opened(InetAddress address) {
    open.incrementAndGet();
    if (maxPerAddress > 0 && address != null) {
      perAddress.merge(address, 1, Integer::sum);
    }
  }

  void closed(InetAddress address) {
    open.decrementAndGet();
    if (maxPerAddress > 0 && address != null) {
      perAddress.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
    }
  }

  int open() {
    return open.get();
  }
}
