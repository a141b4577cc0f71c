package chat.bench.scenario;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * One step of the ingest ramp: every user sends, open loop, {@code rate} messages a second in all, each with a
 * clientId as protocol v2 clients send. Message n of the step is user n mod N's number n / N, due at start +
 * n / rate ({@link RatePacer}), whether or not earlier ones were acked. A successful ack carries the id the
 * message was stored under, so each one counts as persisted; its latency runs from the due time, so a late
 * send counts. Every member also checks what it receives ({@link Deliveries}). Loop thread only, after
 * construction.
 */
final class IngestTraffic implements Traffic {
  private final Fleet fleet;
  private final BenchText text;
  private final Peer[] senders;
  private final int messagesPerSender;
  private final double rate;
  private final Map<Integer, BitSet> ackedIdsByRoom = new HashMap<>();
  private RatePacer pacer;
  final Deliveries deliveries;
  final LatencyHistogram ackLatency = new LatencyHistogram();
  final LatencyHistogram sendLag = new LatencyHistogram();
  volatile long acks;
  long refused;
  long acksWithoutId;
  long repeatedIds;
  long startNanos;
  long lastAckNanos;

  IngestTraffic(Fleet fleet, double rate, int messagesPerSender, BenchText text) {
    this.fleet = fleet;
    this.text = text;
    this.senders = fleet.peers();
    this.messagesPerSender = messagesPerSender;
    this.rate = rate;
    this.deliveries = new Deliveries(fleet, Integer.MAX_VALUE, messagesPerSender);
  }

  long total() {
    return (long) senders.length * messagesPerSender;
  }

  double rate() {
    return rate;
  }

  boolean done() {
    return acks >= total() && deliveries.delivered >= deliveries.expected;
  }

  /** Seconds from the first due time until the last ack. */
  double spanSeconds() {
    return (lastAckNanos - startNanos) / 1e9;
  }

  /** Starts the schedule now; run on the loop thread. */
  void start() {
    startNanos = System.nanoTime();
    pacer = new RatePacer(startNanos, rate, total(), RateTraffic.MAX_BURST);
    tick();
  }

  private void tick() {
    pacer.sendDue(System.nanoTime(), this::send);
    if (!pacer.done()) {
      fleet.loop().at(pacer.nextDueNanos(), this::tick);
    }
  }

  private void send(long number, long dueNanos) {
    Peer peer = senders[(int) (number % senders.length)];
    sendLag.record(System.nanoTime() - dueNanos);
    text.send(peer, (int) (number / senders.length), dueNanos);
  }

  @Override
  public void onAck(Peer peer, long ref, boolean ok, long id) {
    long number = (ref - 1) * senders.length + peer.index;
    long readNanos = peer.client.readNanos();
    ackLatency.record(readNanos - pacer.dueNanos(number));
    lastAckNanos = Math.max(lastAckNanos, readNanos);
    if (!ok) {
      refused++;
    } else if (id < 0) {
      acksWithoutId++;
    } else if (!firstTimeIn(peer, id)) {
      repeatedIds++;
    }
    acks++;
  }

  /** Whether {@code id} is new to the peer's room (a store must never number two messages alike). */
  private boolean firstTimeIn(Peer peer, long id) {
    BitSet ids = ackedIdsByRoom.computeIfAbsent(peer.roomBase, room -> new BitSet());
    if (id > Integer.MAX_VALUE || ids.get((int) id)) {
      return false;
    }
    ids.set((int) id);
    return true;
  }

  @Override
  public void onBenchMessage(Peer peer, long id, byte[] bytes, int offset, int length, long readNanos) {
    deliveries.record(peer, bytes, offset, length, readNanos);
  }
}
