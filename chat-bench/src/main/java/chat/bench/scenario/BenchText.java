package chat.bench.scenario;

import chat.bench.protocol.AsciiBuilder;
import chat.bench.protocol.ProtocolAdapter;

/**
 * Sends the benchmark texts "b SENDER SEQ STAMP ...", padded with dots to the payload size, each with a fresh
 * clientId when made {@link #withClientIds} (as protocol v2 clients send). Loop thread only.
 */
final class BenchText {
  private final AsciiBuilder text = new AsciiBuilder();
  private final ProtocolAdapter adapter;
  private final int payload;
  private final ClientIds clientIds;

  private BenchText(ProtocolAdapter adapter, int payload, ClientIds clientIds) {
    this.adapter = adapter;
    this.payload = payload;
    this.clientIds = clientIds;
  }

  /** Protocol v1 sends: no clientId. */
  BenchText(ProtocolAdapter adapter, int payload) {
    this(adapter, payload, null);
  }

  static BenchText withClientIds(ProtocolAdapter adapter, int payload) {
    return new BenchText(adapter, payload, new ClientIds());
  }

  /** A fresh clientId, for a sender that keeps it to resend with; null for protocol v1 sends. */
  String nextClientId() {
    return clientIds == null ? null : clientIds.next();
  }

  /** Sends {@code peer}'s text number {@code seq} (ref seq + 1), stamped with {@code stampNanos}. */
  void send(Peer peer, int seq, long stampNanos) {
    send(peer, seq, stampNanos, clientIds == null ? null : clientIds.next());
  }

  /** The same with the given {@code clientId}: a resend of a message whose ack never came uses the first one's. */
  void send(Peer peer, int seq, long stampNanos, String clientId) {
    text.clear().append("b ").append(peer.index).append(' ').append(seq).append(' ').append(stampNanos)
        .append(' ').padTo(payload, '.');
    adapter.sendMessage(peer.client, seq + 1L, text.array(), 0, text.length(), clientId);
  }
}
