package chat.bench.scenario;

/**
 * What every user of the reconnect storm knows to come back with ({@link ResumePoints}). The first user of
 * each room is a sender that stays; the others are the ones who drop and resume. Hands the events of a
 * drop-and-resume round to that {@link ResumeRound}. Loop thread only.
 */
final class ResumeLedger implements Traffic {
  private final ResumePoints points;
  private ResumeRound round;

  ResumeLedger(int peers) {
    points = new ResumePoints(peers);
  }

  static boolean isResumer(Peer peer) {
    return peer.position() > 0;
  }

  long lastId(Peer peer) {
    return points.lastId(peer);
  }

  ResumePoints points() {
    return points;
  }

  void round(ResumeRound value) {
    round = value;
  }

  @Override
  public void onHistory(Peer peer, byte[] bytes, int offset, int length, long readNanos) {
    if (round != null) {
      round.onHistory(peer, bytes, offset, length);
    }
    points.history(peer, bytes, offset, length);
  }

  @Override
  public void onBenchMessage(Peer peer, long id, byte[] bytes, int textOffset, int textLength, long readNanos) {
    if (round != null) {
      round.onLive(peer, id);
    }
    seen(peer, id);
  }

  @Override
  public void onOtherText(Peer peer, long id, byte[] bytes, int textOffset, int textLength) {
    if (round != null) {
      round.onLive(peer, id);
      round.onOtherText(bytes, textOffset, textLength);
    }
    seen(peer, id);
  }

  @Override
  public void onAck(Peer peer, long ref, boolean ok, long id) {
    if (round != null) {
      round.onAck(peer, ok, id);
    }
  }

  @Override
  public void onReconnected(Peer peer) {
    round.onReconnected(peer);
  }

  private void seen(Peer peer, long id) {
    points.seen(peer, id);
  }
}
