package chat.desktop.net;

import chat.protocol.ClientMessage;
import chat.protocol.ServerMessage;
import java.util.Objects;

/**
 * What the connection sends to come back after a drop (protocol v2): the name and room of the latest acked join,
 * that ack's resume token, which takes back the seat the server held for us (so the others see no "has left!"
 * / "has joined!"), and the last room message id received live with the epoch it belongs to. Frames and acks
 * arrive on the socket's thread while rejoins are built on the scheduler, hence the locking.
 */
final class ResumePoint {
  private String username; // of the latest acked join
  private String room;
  private String token;
  private String historyRoom; // of the latest join history: ids count only within its room and epoch
  private String epoch;
  private Long lastId;

  synchronized boolean hasJoined() {
    return room != null;
  }

  /**
   * Notes a frame from the server. A join's history only moves the epoch: its messages are not shown (yet), so
   * they must not move {@code since}; a new room or epoch makes the ids we have meaningless there.
   */
  synchronized void note(ServerMessage message) {
    if (message instanceof ServerMessage.History history && history.ref() == null) {
      if (!history.room().equals(historyRoom) || !history.epoch().equals(epoch)) {
        lastId = null;
      }
      historyRoom = history.room();
      epoch = history.epoch();
    } else if (message instanceof ServerMessage.ChatMessage chat && chat.id() != null) {
      seen(chat.id());
    } else if (message instanceof ServerMessage.LocationMessage location) {
      seen(location.id());
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
    token = ack.resumeToken();
  }

  /** The join that takes the seat back; {@code since} only together with the epoch its id belongs to. */
  synchronized ClientMessage.Join comeback(long ref) {
    Objects.requireNonNull(room, "no join was acked yet");
    boolean resumable = epoch != null && lastId != null;
    return new ClientMessage.Join(ref, username, room, resumable ? lastId : null, resumable ? epoch : null, token);
  }

  private void seen(long id) {
    lastId = lastId == null ? id : Math.max(lastId, id);
  }
}
