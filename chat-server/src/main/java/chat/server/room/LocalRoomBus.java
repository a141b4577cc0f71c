package chat.server.room;

import chat.protocol.ServerMessage;
import chat.server.metrics.RoomMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bus within one process: a publish calls {@link Peer#deliver} of each subscriber in turn, on the caller's
 * thread, before it returns. Each room's subscribers are an immutable list replaced on every change, so a
 * publish iterates without copying (changes are rare, publishes are not).
 */
public final class LocalRoomBus implements RoomBus {
  private final Map<String, List<Peer>> subscribers = new ConcurrentHashMap<>();
  private final RoomMetrics metrics;

  /** {@code metrics} counts the deliveries, once per publish for all its recipients. */
  public LocalRoomBus(RoomMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void subscribe(String room, Peer peer) {
    subscribers.compute(room, (name, peers) -> {
      if (peers != null && peers.contains(peer)) {
        return peers; // subscribed already: it must still get each message once
      }
      List<Peer> changed = peers == null ? new ArrayList<>(1) : new ArrayList<>(peers);
      changed.add(peer);
      return List.copyOf(changed);
    });
  }

  @Override
  public void unsubscribe(String room, Peer peer) {
    subscribers.computeIfPresent(room, (name, peers) -> {
      List<Peer> changed = new ArrayList<>(peers);
      changed.remove(peer);
      return changed.isEmpty() ? null : List.copyOf(changed);
    });
  }

  /** True while some peer here gets the room's messages. */
  public boolean hasSubscribers(String room) {
    return subscribers.containsKey(room);
  }

  @Override
  public void publish(String room, ServerMessage message) {
    List<Peer> peers = subscribers.getOrDefault(room, List.of());
    for (Peer peer : peers) {
      peer.deliver(message);
    }
    metrics.delivered(message, peers.size());
  }
}
