package chat.bench.scenario;

/**
 * The first {@code senders} users of every room each send {@code messages} texts, keeping {@code inFlight}
 * unacked (ack-paced); each text is stamped with its send time. The receivers' checks are {@link Deliveries}.
 */
final class FanoutTraffic implements Traffic {
  private final Fleet fleet;
  private final BenchText text;
  private final int senders;
  private final int messages;
  private final int inFlight;
  final Deliveries deliveries;
  long refused;
  /** Successful acks without an id: from a protocol v2 server, a send that was not stored. */
  long acksWithoutId;

  /** {@code text}: protocol v1 sends, or {@link BenchText#withClientIds} for v2 ones. */
  FanoutTraffic(Fleet fleet, int senders, int messages, int inFlight, BenchText text) {
    this.fleet = fleet;
    this.text = text;
    this.senders = senders;
    this.messages = messages;
    this.inFlight = inFlight;
    this.deliveries = new Deliveries(fleet, senders, messages);
    for (Peer peer : fleet.peers()) {
      peer.sent = 0;
      peer.acked = 0;
    }
  }

  /** Sends every sender's first window; run on the loop thread. */
  void start() {
    for (Peer peer : fleet.peers()) {
      if (peer.index - peer.roomBase < senders) {
        for (int i = 0; i < inFlight && peer.sent < messages; i++) {
          send(peer);
        }
      }
    }
  }

  private void send(Peer peer) {
    text.send(peer, peer.sent++, System.nanoTime());
  }

  @Override
  public void onAck(Peer peer, long ref, boolean ok, long id) {
    if (!ok) {
      refused++;
    } else if (id < 0) {
      acksWithoutId++;
    }
    peer.acked++;
    if (peer.sent < messages) {
      send(peer);
    }
  }

  @Override
  public void onBenchMessage(Peer peer, long id, byte[] bytes, int offset, int length, long readNanos) {
    deliveries.record(peer, bytes, offset, length, readNanos);
  }
}
