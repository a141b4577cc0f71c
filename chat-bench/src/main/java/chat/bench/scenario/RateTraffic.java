package chat.bench.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-rate, open-loop traffic: the first {@code senders} users of every room send {@code messages} texts each,
 * {@code rate} messages a second in all, spread evenly over the J senders (message n of the whole run is sender
 * n mod J's number n / J, due at start + n / rate), whether or not acks came back. Each text carries its due
 * time, so latency is delivery minus schedule. How late the sends themselves left is kept apart
 * ({@link #sendLag}), to tell the generator's lateness from the server's. The timing arithmetic is
 * {@link RatePacer}'s. Loop thread only, after construction.
 */
final class RateTraffic implements Traffic {
  /** A late loop sends at most this many texts before it reads again. */
  static final int MAX_BURST = 64;

  private final Fleet fleet;
  private final BenchText text;
  private final List<Peer> senders = new ArrayList<>();
  private final int messages;
  private final double rate;
  private RatePacer pacer;
  final Deliveries deliveries;
  final LatencyHistogram sendLag = new LatencyHistogram();
  long refused;
  volatile long acks;

  RateTraffic(Fleet fleet, int sendersPerRoom, int messages, double rate, int payload) {
    this.fleet = fleet;
    this.text = new BenchText(fleet.adapter(), payload);
    this.messages = messages;
    this.rate = rate;
    this.deliveries = new Deliveries(fleet, sendersPerRoom, messages);
    for (Peer peer : fleet.peers()) {
      if (peer.index - peer.roomBase < sendersPerRoom) {
        senders.add(peer);
      }
    }
  }

  long total() {
    return (long) senders.size() * messages;
  }

  /** Each sender's share of the rate. */
  double perSenderRate() {
    return rate / senders.size();
  }

  /** Starts the schedule now; run on the loop thread. */
  void start() {
    pacer = new RatePacer(System.nanoTime(), rate, total(), MAX_BURST);
    tick();
  }

  double scheduleSeconds() {
    return pacer.scheduleSeconds();
  }

  private void tick() {
    pacer.sendDue(System.nanoTime(), this::send);
    if (!pacer.done()) {
      fleet.loop().at(pacer.nextDueNanos(), this::tick);
    }
  }

  private void send(long number, long dueNanos) {
    Peer peer = senders.get((int) (number % senders.size()));
    sendLag.record(System.nanoTime() - dueNanos);
    text.send(peer, (int) (number / senders.size()), dueNanos);
  }

  @Override
  public void onAck(Peer peer, long ref, boolean ok, long id) {
    if (!ok) {
      refused++;
    }
    acks++;
  }

  @Override
  public void onBenchMessage(Peer peer, long id, byte[] bytes, int offset, int length, long readNanos) {
    deliveries.record(peer, bytes, offset, length, readNanos);
  }
}
