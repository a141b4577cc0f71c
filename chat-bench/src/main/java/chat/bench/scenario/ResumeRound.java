package chat.bench.scenario;

import chat.bench.report.RunReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One drop-and-resume round of the reconnect storm. Every resumer's connection is cut without a close frame
 * ({@link #drop}), each room's sender posts while they are away ({@link #post}), then all of them reconnect at
 * once and join with {@code since} = the last id they saw, its epoch and their resume token
 * ({@link #reconnectAll}). Checks: every history says {@code recovered:true} and holds exactly the ids after
 * {@code since}, in order, each once; every id a sender had acked is among them; no live message repeats one;
 * nobody hears "has joined!" or "has left!" (the seats were held). Loop thread only, apart from the volatile
 * counters the driving thread waits on.
 */
final class ResumeRound {
  static final long RESUME_REF = 1;

  private final Fleet fleet;
  private final ResumeLedger ledger;
  private final BenchText text;
  private final int messages;
  private final long[] since;
  private final long[] connectNanos;
  private final long[] ackNanos;
  private final long[] historyLast;
  private final Map<Integer, List<Long>> postedIdsByRoom = new HashMap<>();
  private final ResumeChecks checks = new ResumeChecks();
  private long stormStartNanos;
  volatile int postedAcks;
  volatile int resumed;

  ResumeRound(Fleet fleet, ResumeLedger ledger, int messages, BenchText text) {
    this.fleet = fleet;
    this.ledger = ledger;
    this.text = text;
    this.messages = messages;
    int peers = fleet.peers().length;
    since = new long[peers];
    connectNanos = new long[peers];
    ackNanos = new long[peers];
    historyLast = new long[peers];
  }

  int resumers() {
    return fleet.peers().length - rooms();
  }

  /** Cuts every resumer's TCP connection without a WebSocket close: the server sees 1006. */
  void drop() {
    for (Peer peer : fleet.peers()) {
      if (ResumeLedger.isResumer(peer)) {
        since[peer.index] = ledger.lastId(peer);
        historyLast[peer.index] = -1;
        peer.client.close();
      }
    }
  }

  /** The senders post {@code messages} in all, spread over the rooms, without waiting for acks. */
  void post() {
    Peer[] peers = fleet.peers();
    int perRoom = peers[0].roomSize;
    for (int k = 0; k < messages; k++) {
      Peer sender = peers[(k % rooms()) * perRoom];
      text.send(sender, sender.sent++, System.nanoTime());
    }
  }

  /** Every resumer opens a new connection, all in one go. */
  void reconnectAll() {
    stormStartNanos = System.nanoTime();
    for (Peer peer : fleet.peers()) {
      if (ResumeLedger.isResumer(peer)) {
        connectNanos[peer.index] = System.nanoTime();
        fleet.connect(peer);
      }
    }
  }

  void onReconnected(Peer peer) {
    ledger.points().resumeJoin(fleet, peer, RESUME_REF, since[peer.index]);
  }

  void onHistory(Peer peer, byte[] bytes, int offset, int length) {
    if (!ResumeLedger.isResumer(peer)) {
      checks.unexpectedHistories++;
      return;
    }
    historyLast[peer.index] = checks.history(bytes, offset, length, since[peer.index]);
  }

  /** A live message with an id: after a resumer's history it must be newer than all of it. */
  void onLive(Peer peer, long id) {
    if (id >= 0 && ResumeLedger.isResumer(peer) && id <= Math.max(historyLast[peer.index], since[peer.index])) {
      checks.liveRepeats++;
    }
  }

  void onOtherText(byte[] bytes, int textOffset, int textLength) {
    checks.otherText(bytes, textOffset, textLength);
  }

  void onAck(Peer peer, boolean ok, long id) {
    if (!ResumeLedger.isResumer(peer)) {
      if (ok && id >= 0) {
        postedIdsByRoom.computeIfAbsent(peer.roomBase, room -> new ArrayList<>()).add(id);
      } else {
        checks.postsNotStored++;
      }
      postedAcks++;
    } else if (!ok) {
      checks.resumesRefused++;
    } else {
      if (historyLast[peer.index] < 0) {
        checks.acksBeforeHistory++;
      }
      ackNanos[peer.index] = peer.client.readNanos();
      resumed++;
    }
  }

  /** Adds the round's failures, each prefixed with {@code phase}. */
  RunReport verify(RunReport report, String phase) {
    checks.missing = missingPosts();
    checks.verify(report, phase, resumers(), postedAcks, messages);
    return report;
  }

  /** Posted ids a resumer of their room did not get: none may be missing from (since, last id seen]. */
  private long missingPosts() {
    long missing = 0;
    for (Peer peer : fleet.peers()) {
      if (ResumeLedger.isResumer(peer)) {
        for (long id : postedIdsByRoom.getOrDefault(peer.roomBase, List.of())) {
          if (id <= since[peer.index] || id > historyLast[peer.index]) {
            missing++;
          }
        }
      }
    }
    return missing;
  }

  /** The round's timings: until the last resumer had its history and ack, and per resumer. */
  RunReport report(RunReport report) {
    LatencyHistogram perClient = new LatencyHistogram();
    long last = stormStartNanos;
    for (Peer peer : fleet.peers()) {
      if (ResumeLedger.isResumer(peer) && ackNanos[peer.index] > 0) {
        perClient.record(ackNanos[peer.index] - connectNanos[peer.index]);
        last = Math.max(last, ackNanos[peer.index]);
      }
    }
    report.put("reconnect_caught_up_s", (last - stormStartNanos) / 1e9)
        .put("resume_p50_ms", perClient.percentile(0.50) / 1e6).put("resume_p99_ms", perClient.percentile(0.99) / 1e6)
        .put("resume_max_ms", perClient.max() / 1e6).put("resumed_clients", (long) resumed)
        .put("history_messages_received", checks.historyEntries);
    return report;
  }

  private int rooms() {
    Peer[] peers = fleet.peers();
    return peers.length / peers[0].roomSize;
  }
}
