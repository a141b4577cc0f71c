package chat.bench.scenario;

import chat.bench.protocol.AsciiBuilder;
import chat.bench.protocol.ProtocolAdapter;

/** Sends the benchmark texts "b SENDER SEQ STAMP ...", padded with dots to the payload size. Loop thread only. */
final class BenchText {
  private final AsciiBuilder text = new AsciiBuilder();
  private final ProtocolAdapter adapter;
  private final int payload;

  BenchText(ProtocolAdapter adapter, int payload) {
    this.adapter = adapter;
    this.payload = payload;
  }

  /** Sends {@code peer}'s text number {@code seq} (ref seq + 1), stamped with {@code stampNanos}. */
  void send(Peer peer, int seq, long stampNanos) {
    text.clear().append("b ").append(peer.index).append(' ').append(seq).append(' ').append(stampNanos)
        .append(' ').padTo(payload, '.');
    adapter.sendMessage(peer.client, seq + 1L, text.array(), 0, text.length());
  }
}
