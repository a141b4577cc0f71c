package chat.desktop.net;

import chat.protocol.ClientMessage;
import chat.protocol.ServerMessage;
import java.util.Objects;

/**
 * What the connection sends to come back after a drop (protocol v2): the name and room of the latest acked join,
 * that ack's resume token, which takes back the seat the server held for us (so the others see no "has left!"
 * / "has joined!"), and the last room message id delivered (live or in a join's history, so the last one the
 * list shows) with the epoch it belongs to. It also watches the ids for a hole: a live message whose id skips
 * one is held back and the gap asked for again instead. Frames and acks arrive on the socket's thread while
 * rejoins are built on the scheduler, hence the locking.
 */
final class ResumePoint {
  /** What to do with a frame from the server. */
  enum Verdict {
    /** Hand it on. */
    DELIVER,
    /** Drop it: already delivered, or the gap it belongs to is being fetched again. */
    DROP,
    /** Drop it and ask for the gap before it: see {@link #resync}. */
    RECOVER
  }

  private String username; // of the latest acked join
  private String room;
  private String token;
  private String historyRoom; // of the latest join history: ids count only within its room and epoch
  private String epoch;
  private Long lastId;
  private boolean recovering;

  synchronized boolean hasJoined() {
    return room != null;
  }

  /** Notes a frame from the server and says what to do with it. */
  synchronized Verdict note(ServerMessage message) {
    if (message instanceof ServerMessage.History history && history.ref() == null) {
      joinHistory(history);
      return Verdict.DELIVER;
    }
    Long id = roomMessageId(message);
    if (id == null) {
      return Verdict.DELIVER;
    }
    if (recovering || (lastId != null && id <= lastId)) {
      return Verdict.DROP;
    }
    if (lastId != null && id > lastId + 1 && room != null) {
      recovering = true;
      return Verdict.RECOVER;
    }
    lastId = id;
    return Verdict.DELIVER;
  }

  /** A join's history ends the recovery; a new room or epoch makes the ids we have meaningless there. */
  private void joinHistory(ServerMessage.History history) {
    if (!history.room().equals(historyRoom) || !history.epoch().equals(epoch)) {
      lastId = null;
    }
    historyRoom = history.room();
    epoch = history.epoch();
    recovering = false;
    for (ServerMessage shown : history.messages()) {
      Long id = roomMessageId(shown);
      lastId = lastId == null ? id : Math.max(lastId, id);
    }
  }

  /** A join the user asked for was acked: from now on a reconnect comes back there. */
  synchronized void joined(String username, String room, ServerMessage.Ack ack) {
    this.username = username;
    this.room = room;
    this.token = ack.resumeToken();
  }

  /** A comeback was acked: its fresh token replaces the one just used, which the server no longer accepts. */
  synchronized void rejoined(ServerMessage.Ack ack) {
    if (ack.resumeToken() != null) {
      token = ack.resumeToken();
    }
  }

  /** The join that takes the seat back; {@code since} only together with the epoch its id belongs to. */
  synchronized ClientMessage.Join comeback(long ref) {
    Objects.requireNonNull(room, "no join was acked yet");
    recovering = false;
    boolean resumable = epoch != null && lastId != null;
    return new ClientMessage.Join(ref, username, room, resumable ? lastId : null, resumable ? epoch : null, token);
  }

  /**
   * The join that fetches a gap on the open connection: the same name and room greet again without notices, so
   * it needs no token (a token is for a seat held after a drop).
   */
  synchronized ClientMessage.Join resync(long ref) {
    Objects.requireNonNull(room, "no join was acked yet");
    return new ClientMessage.Join(ref, username, room, lastId, epoch, null);
  }

  /** A resync that failed: the connection is dropped, and the comeback after it asks for the gap instead. */
  synchronized void resyncFailed() {
    recovering = false;
  }

  private static Long roomMessageId(ServerMessage message) {
    if (message instanceof ServerMessage.ChatMessage chat) {
      return chat.id();
    }
    return message instanceof ServerMessage.LocationMessage location ? location.id() : null;
  }
}
