package chat.bench.scenario;

import chat.bench.protocol.HistoryFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * The node kill's traffic: fixed-rate, open-loop texts from the first {@code senders} users of every room, as
 * {@link RateTraffic} sends them, but from protocol v2 clients that survive their node's death. Each sender
 * keeps its messages in a {@link SenderOutbox}: while it is away the ones that come due wait, and once its
 * resuming join is acked it sends again what the killed node never acked (same clientId, so the server posts
 * each once) and then what waited. Every user's texts are checked as {@link Deliveries} does, those in a
 * resume history as well as the live ones; the moving users are {@link KilledNodeResumes}'. Loop thread only,
 * after construction, apart from the volatile counters.
 */
final class NodeKillTraffic implements Traffic {
  private final Fleet fleet;
  private final BenchText text;
  private final List<Peer> senders = new ArrayList<>();
  private final SenderOutbox[] outboxes;
  private final int[] senderSlot;
  private final int messages;
  private final double rate;
  private final ResumePoints points;
  private RatePacer pacer;
  private boolean started;
  final Deliveries deliveries;
  final KilledNodeResumes resumes;
  final LatencyHistogram sendLag = new LatencyHistogram();
  long refused;
  /** Resent messages whose ack carried an id the sender had already seen: the dead node had stored them. */
  long resentAlreadyStored;
  volatile long acked;

  NodeKillTraffic(Fleet fleet, int sendersPerRoom, int messages, double rate, int payload) {
    this.fleet = fleet;
    this.text = BenchText.withClientIds(fleet.adapter(), payload);
    this.messages = messages;
    this.rate = rate;
    this.deliveries = new Deliveries(fleet, sendersPerRoom, messages);
    this.points = new ResumePoints(fleet.peers().length);
    this.resumes = new KilledNodeResumes(fleet, points);
    this.senderSlot = new int[fleet.peers().length];
    for (Peer peer : fleet.peers()) {
      senderSlot[peer.index] = peer.position() < sendersPerRoom ? senders.size() : -1;
      if (peer.position() < sendersPerRoom) {
        senders.add(peer);
      }
    }
    outboxes = new SenderOutbox[senders.size()];
    for (int i = 0; i < outboxes.length; i++) {
      outboxes[i] = new SenderOutbox(messages);
    }
  }

  long total() {
    return (long) senders.size() * messages;
  }

  double perSenderRate() {
    return rate / senders.size();
  }

  double scheduleSeconds() {
    return pacer.scheduleSeconds();
  }

  /** Starts the schedule now; the setup's joins and notices before it are not checked. Loop thread. */
  void start() {
    started = true;
    pacer = new RatePacer(System.nanoTime(), rate, total(), RateTraffic.MAX_BURST);
    tick();
  }

  /** Sent messages that had no ack when their sender's connection to the killed node ended. */
  long unackedAtKill() {
    long sum = 0;
    for (SenderOutbox outbox : outboxes) {
      sum += outbox.unackedAtDrop();
    }
    return sum;
  }

  long resent() {
    long sum = 0;
    for (SenderOutbox outbox : outboxes) {
      sum += outbox.resent();
    }
    return sum;
  }

  private void tick() {
    pacer.sendDue(System.nanoTime(), this::due);
    if (!pacer.done()) {
      fleet.loop().at(pacer.nextDueNanos(), this::tick);
    }
  }

  /** Message {@code number} of the run: sender number mod J's message number / J. */
  private void due(long number, long dueNanos) {
    int slot = (int) (number % senders.size());
    int seq = (int) (number / senders.size());
    sendLag.record(System.nanoTime() - dueNanos);
    if (outboxes[slot].due(seq, text.nextClientId())) {
      send(slot, seq);
    }
  }

  /** Stamped with its due time, first send or resend alike: its latency counts from when it should have left. */
  private void send(int slot, int seq) {
    long number = (long) seq * senders.size() + slot;
    text.send(senders.get(slot), seq, pacer.dueNanos(number), outboxes[slot].clientId(seq));
  }

  @Override
  public void onAck(Peer peer, long ref, boolean ok, long id) {
    if (resumes.awaitingAck(peer)) {
      resumes.onResumeAck(peer, ok);
      int slot = senderSlot[peer.index];
      if (ok && slot >= 0) {
        outboxes[slot].resume().forEach(seq -> send(slot, seq));
      }
      return;
    }
    int slot = senderSlot[peer.index];
    if (slot < 0) {
      fleet.fail("an ack for " + peer.username + ", who sends nothing");
      return;
    }
    int seq = (int) (ref - 1);
    SenderOutbox outbox = outboxes[slot];
    if (!ok || id < 0) {
      refused++;
    } else if (outbox.acked(seq)) {
      resentAlreadyStored += outbox.wasResent(seq) && id <= resumes.historyLast(peer) ? 1 : 0;
      acked++;
    }
  }

  @Override
  public void onBenchMessage(Peer peer, long id, byte[] bytes, int offset, int length, long readNanos) {
    resumes.onLive(peer, id);
    points.seen(peer, id);
    deliveries.record(peer, bytes, offset, length, readNanos);
  }

  @Override
  public void onOtherText(Peer peer, long id, byte[] bytes, int textOffset, int textLength) {
    if (started) {
      resumes.onLive(peer, id);
      resumes.onOtherText(bytes, textOffset, textLength);
    }
    points.seen(peer, id);
  }

  /** The setup's join histories only give the epoch and ids; a resume's is checked and its texts counted. */
  @Override
  public void onHistory(Peer peer, byte[] bytes, int offset, int length, long readNanos) {
    if (started) {
      resumes.onHistory(peer, bytes, offset, length);
      HistoryFrame.forEachMessage(bytes, offset, length, (id, entry, textOffset, textLength) -> {
        if (textLength > 2 && entry[textOffset] == 'b' && entry[textOffset + 1] == ' ') {
          deliveries.recordRecovered(peer, entry, textOffset, textLength);
        }
      });
    }
    points.history(peer, bytes, offset, length);
  }

  @Override
  public void onReconnected(Peer peer) {
    resumes.onReconnected(peer);
  }

  @Override
  public boolean onClosed(Peer peer, String reason) {
    if (!resumes.onClosed(peer)) {
      return false;
    }
    int slot = senderSlot[peer.index];
    if (slot >= 0) {
      outboxes[slot].drop();
    }
    return true;
  }
}
