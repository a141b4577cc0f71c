package chat.bench.scenario;

import chat.bench.protocol.HistoryFrame;
import java.util.Arrays;

/**
 * What every user of the reconnect storm knows to come back with, as a protocol v2 client keeps it: the epoch
 * of its room's ids (from its histories) and the last id it has seen (histories and live messages); its token
 * is the {@link Peer}'s. The first user of each room is a sender that stays; the others are the ones who drop
 * and resume. Hands the events of a drop-and-resume round to that {@link ResumeRound}. Loop thread only.
 */
final class ResumeLedger implements Traffic {
  private final long[] lastId;
  private final String[] epoch;
  private ResumeRound round;

  ResumeLedger(int peers) {
    lastId = new long[peers];
    epoch = new String[peers];
    Arrays.fill(lastId, -1);
  }

  static boolean isResumer(Peer peer) {
    return peer.position() > 0;
  }

  long lastId(Peer peer) {
    return lastId[peer.index];
  }

  String epoch(Peer peer) {
    return epoch[peer.index];
  }

  void round(ResumeRound value) {
    round = value;
  }

  @Override
  public void onHistory(Peer peer, byte[] bytes, int offset, int length, long readNanos) {
    epoch[peer.index] = HistoryFrame.epoch(bytes, offset, length);
    if (round != null) {
      round.onHistory(peer, bytes, offset, length);
    }
    HistoryFrame.forEachMessage(bytes, offset, length, (id, text, textOffset, textLength) -> seen(peer, id));
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
    lastId[peer.index] = Math.max(lastId[peer.index], id);
  }
}
