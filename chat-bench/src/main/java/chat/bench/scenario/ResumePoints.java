package chat.bench.scenario;

import chat.bench.protocol.HistoryFrame;
import java.util.Arrays;

/**
 * Where each user would resume from, as a protocol v2 client keeps it: the epoch of its room's ids (from its
 * histories) and the last id it has seen (histories and live messages); its token is the {@link Peer}'s.
 * Shared by the reconnect storm and the node kill. Loop thread only.
 */
final class ResumePoints {
  private final long[] lastId;
  private final String[] epoch;

  ResumePoints(int peers) {
    lastId = new long[peers];
    epoch = new String[peers];
    Arrays.fill(lastId, -1);
  }

  long lastId(Peer peer) {
    return lastId[peer.index];
  }

  String epoch(Peer peer) {
    return epoch[peer.index];
  }

  /** A history frame: its epoch, and every id in it seen. */
  void history(Peer peer, byte[] bytes, int offset, int length) {
    epoch[peer.index] = HistoryFrame.epoch(bytes, offset, length);
    HistoryFrame.forEachMessage(bytes, offset, length, (id, text, textOffset, textLength) -> seen(peer, id));
  }

  void seen(Peer peer, long id) {
    lastId[peer.index] = Math.max(lastId[peer.index], id);
  }

  /**
   * Joins {@code peer}'s room on its new connection with since, epoch and token, as a client coming back does
   * (since 0 for one that never saw an id: everything the room retains).
   */
  void resumeJoin(Fleet fleet, Peer peer, long ref, long since) {
    fleet.adapter().resumeJoin(peer.client, ref, peer.username, peer.room, Math.max(0, since), epoch(peer),
        peer.resumeToken);
  }
}
