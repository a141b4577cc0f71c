package chat.bench.scenario;

import chat.bench.protocol.Ascii;
import java.util.Arrays;

/**
 * What the receivers saw of the senders' texts "b SENDER SEQ STAMP ...": every sender's sequence once and in
 * order, only in its own room, and the latency from STAMP (a {@link System#nanoTime()} of this process) to the
 * read, also split by the sender's and the receiver's server node. Written on the loop thread;
 * {@link #delivered} is also read by the driving thread.
 */
final class Deliveries {
  final LatencyHistogram latency = new LatencyHistogram();
  final NodeLatency byNode = new NodeLatency();
  final long expected;
  /** The messages the senders send in all (each is delivered to its whole room). */
  final long messagesSent;
  volatile long delivered;
  long duplicates;
  long gaps;
  long foreign;
  private final Fleet fleet;
  private final int messages;

  /** Starts tracking {@code senders} per room sending {@code messages} each; resets every peer's streams. */
  Deliveries(Fleet fleet, int senders, int messages) {
    this.fleet = fleet;
    this.messages = messages;
    long sum = 0;
    long sent = 0;
    for (Peer peer : fleet.peers()) {
      int roomSenders = Math.min(senders, peer.roomSize);
      peer.lastSeq = new int[roomSenders];
      Arrays.fill(peer.lastSeq, -1);
      sum += (long) roomSenders * messages;
      sent += peer.position() < roomSenders ? messages : 0;
    }
    this.expected = sum;
    this.messagesSent = sent;
  }

  void record(Peer peer, byte[] bytes, int offset, int length, long readNanos) {
    int end = offset + length;
    int seqStart = Ascii.skipDigits(bytes, offset + 2, end) + 1;
    int stampStart = Ascii.skipDigits(bytes, seqStart, end) + 1;
    long nanos = readNanos - Ascii.parseLong(bytes, stampStart, end);
    latency.record(nanos);
    count(peer, bytes, offset, length, nanos);
  }

  /**
   * A text that came in a resuming join's history rather than live: counted and checked the same, but its
   * latency is the outage's, not the server's, so it stays out of {@link #latency}.
   */
  void recordRecovered(Peer peer, byte[] bytes, int offset, int length) {
    count(peer, bytes, offset, length, -1);
  }

  /** Receivers' (sender, seq) pairs never seen: what was expected and not delivered, duplicates apart. */
  long lost() {
    return Math.max(0, expected - (delivered - duplicates - foreign));
  }

  /** {@code nanos}: the latency, or -1 for none. */
  private void count(Peer peer, byte[] bytes, int offset, int length, long nanos) {
    int end = offset + length;
    int senderStart = offset + 2;
    int seqStart = Ascii.skipDigits(bytes, senderStart, end) + 1;
    int senderIndex = (int) Ascii.parseLong(bytes, senderStart, end);
    int sender = senderIndex - peer.roomBase;
    int seq = (int) Ascii.parseLong(bytes, seqStart, end);
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
      if (nanos >= 0) {
        byNode.record(fleet.peers()[senderIndex].node, peer.node, nanos);
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
