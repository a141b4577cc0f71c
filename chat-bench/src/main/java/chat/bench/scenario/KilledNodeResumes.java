package chat.bench.scenario;

import chat.bench.report.RunReport;

/**
 * The users of a killed node coming back on a surviving one: when its connection ends after the kill, a user
 * moves to the survivor at once, connects, and joins with since = the last id it saw, that id's epoch and its
 * resume token ({@link ResumePoints}). Checks ({@link ResumeChecks}): the join is taken, its history says
 * {@code recovered:true} and holds exactly the ids after since, in order, each once, and no live message
 * repeats one; nobody hears "has joined!"/"has left!". Times each user's resume from the kill. Loop thread only,
 * apart from the volatile counters the driving thread waits on.
 */
final class KilledNodeResumes {
  static final long RESUME_REF = 1;

  private final Fleet fleet;
  private final ResumePoints points;
  private final ResumeChecks checks = new ResumeChecks();
  private final long[] since;
  private final long[] historyLast;
  private final long[] resumedNanos;
  private final boolean[] moved;
  private final boolean[] awaitingAck;
  private int killedNode = -1;
  private int survivor;
  private long killNanos;
  private long lastDropNanos;
  /** Users on the killed node when it was killed. */
  volatile int onKilledNode;
  volatile int dropped;
  volatile int resumed;

  KilledNodeResumes(Fleet fleet, ResumePoints points) {
    this.fleet = fleet;
    this.points = points;
    int peers = fleet.peers().length;
    since = new long[peers];
    historyLast = new long[peers];
    resumedNanos = new long[peers];
    moved = new boolean[peers];
    awaitingAck = new boolean[peers];
  }

  ResumeChecks checks() {
    return checks;
  }

  /** Node {@code node} is about to be killed, its users to go to {@code survivorNode}; run just before the kill. */
  void killing(int node, int survivorNode, long nanos) {
    killedNode = node;
    survivor = survivorNode;
    killNanos = nanos;
    int count = 0;
    for (Peer peer : fleet.peers()) {
      count += peer.node == node ? 1 : 0;
    }
    onKilledNode = count;
  }

  /** A connection the server ended: true (and the user on its way to the survivor) when its node was killed. */
  boolean onClosed(Peer peer) {
    if (killedNode < 0 || peer.node != killedNode) {
      return false;
    }
    since[peer.index] = points.lastId(peer);
    historyLast[peer.index] = -1;
    moved[peer.index] = true;
    lastDropNanos = System.nanoTime();
    dropped++;
    peer.node = survivor;
    fleet.connect(peer);
    return true;
  }

  void onReconnected(Peer peer) {
    awaitingAck[peer.index] = true;
    points.resumeJoin(fleet, peer, RESUME_REF, since[peer.index]);
  }

  /** Whether {@code peer}'s next ack answers its resuming join: it sends nothing else until that comes. */
  boolean awaitingAck(Peer peer) {
    return awaitingAck[peer.index];
  }

  /** The highest id of {@code peer}'s resume history; -1 before it came (or for a user that stayed). */
  long historyLast(Peer peer) {
    return moved[peer.index] ? historyLast[peer.index] : -1;
  }

  /** A history: only the moved users get one, with exactly the ids after their since. */
  void onHistory(Peer peer, byte[] bytes, int offset, int length) {
    if (!moved[peer.index] || !awaitingAck[peer.index]) {
      checks.unexpectedHistories++;
      return;
    }
    historyLast[peer.index] = checks.history(bytes, offset, length, since[peer.index]);
  }

  /** The resuming join's ack. */
  void onResumeAck(Peer peer, boolean ok) {
    awaitingAck[peer.index] = false;
    if (!ok) {
      checks.resumesRefused++;
      return;
    }
    if (historyLast[peer.index] < 0) {
      checks.acksBeforeHistory++;
    }
    resumedNanos[peer.index] = peer.client.readNanos();
    resumed++;
  }

  /** A live message with an id: every user's ids must rise, also across its resume. */
  void onLive(Peer peer, long id) {
    if (id >= 0 && id <= points.lastId(peer)) {
      checks.liveRepeats++;
    }
  }

  void onOtherText(byte[] bytes, int textOffset, int textLength) {
    checks.otherText(bytes, textOffset, textLength);
  }

  /** From the kill: until the last moved user was back, and each one's time; until the last drop was seen. */
  RunReport report(RunReport report) {
    LatencyHistogram perUser = new LatencyHistogram();
    long last = killNanos;
    for (Peer peer : fleet.peers()) {
      if (moved[peer.index] && resumedNanos[peer.index] > 0) {
        perUser.record(resumedNanos[peer.index] - killNanos);
        last = Math.max(last, resumedNanos[peer.index]);
      }
    }
    return report.put("users_on_killed_node", (long) onKilledNode).put("resumed_clients", (long) resumed)
        .put("kill_to_last_drop_seen_ms", (Math.max(lastDropNanos, killNanos) - killNanos) / 1e6)
        .put("kill_to_all_resumed_s", (last - killNanos) / 1e9)
        .put("resume_p50_ms", perUser.percentile(0.50) / 1e6).put("resume_p99_ms", perUser.percentile(0.99) / 1e6)
        .put("resume_max_ms", perUser.max() / 1e6).put("history_messages_received", checks.historyEntries);
  }
}
