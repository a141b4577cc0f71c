package chat.bench.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * One sender's messages as a protocol v2 client keeps them across a lost connection: each message's clientId
 * from its first send, whether its ack came, and what came due while it was offline. On {@link #drop} the
 * sent-but-unacked ones are counted; on {@link #resume} they are handed back to be sent again, with the same
 * clientId (the server posts a retry once), in order, followed by the ones that came due while away. Pure
 * bookkeeping, no I/O.
 */
final class SenderOutbox {
  private final String[] clientIds;
  private final boolean[] acked;
  private final boolean[] resentFlags;
  private final List<Integer> queued = new ArrayList<>();
  private boolean online = true;
  private int sentBefore;
  private long unackedAtDrop;
  private long resent;
  private long acks;

  SenderOutbox(int messages) {
    clientIds = new String[messages];
    acked = new boolean[messages];
    resentFlags = new boolean[messages];
  }

  boolean online() {
    return online;
  }

  /** Message {@code seq} came due: true when it is to be sent now, false when it waits for the resume. */
  boolean due(int seq, String clientId) {
    clientIds[seq] = clientId;
    if (!online) {
      queued.add(seq);
      return false;
    }
    sentBefore = Math.max(sentBefore, seq + 1);
    return true;
  }

  String clientId(int seq) {
    return clientIds[seq];
  }

  /** An ack for {@code seq}; false when it had one already (a resend's second ack would be that). */
  boolean acked(int seq) {
    if (acked[seq]) {
      return false;
    }
    acked[seq] = true;
    acks++;
    return true;
  }

  /** The connection is gone: returns how many sent messages had no ack; they will be sent again. */
  long drop() {
    online = false;
    long unacked = 0;
    for (int seq = 0; seq < sentBefore; seq++) {
      unacked += acked[seq] ? 0 : 1;
    }
    unackedAtDrop += unacked;
    return unacked;
  }

  /** Back online: the seqs to send now, oldest first: the unacked resends, then those due while away. */
  List<Integer> resume() {
    online = true;
    List<Integer> send = new ArrayList<>();
    for (int seq = 0; seq < sentBefore; seq++) {
      if (!acked[seq]) {
        send.add(seq);
        resentFlags[seq] = true;
      }
    }
    resent += send.size();
    send.addAll(queued);
    for (int seq : queued) {
      sentBefore = Math.max(sentBefore, seq + 1);
    }
    queued.clear();
    return send;
  }

  /** Whether {@code seq} was handed back by a {@link #resume} as a resend. */
  boolean wasResent(int seq) {
    return resentFlags[seq];
  }

  long unackedAtDrop() {
    return unackedAtDrop;
  }

  long resent() {
    return resent;
  }

  /** Messages acked at least once. */
  long acks() {
    return acks;
  }
}
