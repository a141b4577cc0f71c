package chat.bench.scenario;

import chat.bench.protocol.Ascii;
import chat.bench.protocol.AsciiBuilder;
import chat.bench.protocol.ProtocolAdapter;

/**
 * The first {@code senders} users of every room each send {@code messages} texts "b SENDER SEQ NANOTIME ...",
 * keeping {@code inFlight} unacked; every receiver checks each sender's sequence arrives once and in order,
 * and records latency from the send timestamp (nanoTime is comparable here: one process sends and receives).
 */
final class FanoutTraffic implements Traffic {
  private final Fleet fleet;
  private final ProtocolAdapter adapter;
  private final int senders;
  private final int messages;
  private final int inFlight;
  private final int payload;
  private final AsciiBuilder text = new AsciiBuilder();
  final LatencyHistogram latency = new LatencyHistogram();
  final long expected;
  volatile long delivered;
  long duplicates;
  long gaps;
  long foreign;
  long refused;

  FanoutTraffic(Fleet fleet, int senders, int messages, int inFlight, int payload) {
    this.fleet = fleet;
    this.adapter = fleet.adapter();
    this.senders = senders;
    this.messages = messages;
    this.inFlight = inFlight;
    this.payload = payload;
    long sum = 0;
    for (Peer peer : fleet.peers()) {
      int roomSenders = Math.min(senders, peer.roomSize);
      peer.lastSeq = new int[roomSenders];
      java.util.Arrays.fill(peer.lastSeq, -1);
      peer.sent = 0;
      peer.acked = 0;
      sum += (long) roomSenders * messages;
    }
    this.expected = sum;
  }

  /** Sends every sender's first window; run on the loop thread. */
  void start() {
    for (Peer peer : fleet.peers()) {
      if (isSender(peer)) {
        for (int i = 0; i < inFlight && peer.sent < messages; i++) {
          send(peer);
        }
      }
    }
  }

  private boolean isSender(Peer peer) {
    return peer.index - peer.roomBase < senders;
  }

  private void send(Peer peer) {
    int seq = peer.sent++;
    text.clear().append("b ").append(peer.index).append(' ').append(seq).append(' ').append(System.nanoTime())
        .append(' ').padTo(payload, '.');
    adapter.sendMessage(peer.client, seq + 1L, text.array(), 0, text.length());
  }

  @Override
  public void onAck(Peer peer, long ref, boolean ok) {
    if (!ok) {
      refused++;
    }
    peer.acked++;
    if (peer.sent < messages) {
      send(peer);
    }
  }

  @Override
  public void onBenchMessage(Peer peer, byte[] bytes, int offset, int length, long readNanos) {
    int end = offset + length;
    int senderStart = offset + 2;
    int seqStart = Ascii.skipDigits(bytes, senderStart, end) + 1;
    int timeStart = Ascii.skipDigits(bytes, seqStart, end) + 1;
    int sender = (int) Ascii.parseLong(bytes, senderStart, end) - peer.roomBase;
    int seq = (int) Ascii.parseLong(bytes, seqStart, end);
    latency.record(readNanos - Ascii.parseLong(bytes, timeStart, end));
    if (sender < 0 || sender >= peer.lastSeq.length) {
      foreign++;
    } else {
      int next = peer.lastSeq[sender] + 1;
      if (seq < next) {
        duplicates++;
      } else {
        if (seq > next) {
          gaps++;
        }
        peer.lastSeq[sender] = seq;
      }
    }
    delivered++;
  }

  /** Receivers missing a sender's last message; run on the loop thread after the traffic ends. */
  long incompleteStreams() {
    long incomplete = 0;
    for (Peer peer : fleet.peers()) {
      for (int last : peer.lastSeq) {
        if (last != messages - 1) {
          incomplete++;
        }
      }
    }
    return incomplete;
  }
}
