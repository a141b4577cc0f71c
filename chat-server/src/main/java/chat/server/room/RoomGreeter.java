package chat.server.room;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.RoomData;
import java.util.function.Supplier;

/**
 * What a member gets on taking a seat, in the room's sequence: the history (ending with its own joined notice,
 * or where it left off), {@code Welcome!}, the user list and the ack with its next resume token. Subscribing it
 * at this point in the sequence is what makes its history and its live messages meet exactly.
 */
final class RoomGreeter {
  private final String room;
  private final RoomParts parts;
  private final Supplier<RoomData> roomData;

  RoomGreeter(String room, RoomParts parts, Supplier<RoomData> roomData) {
    this.room = room;
    this.parts = parts;
    this.roomData = roomData;
  }

  /** {@code notice}: the joined notice the others are now told, or null for a silent return. */
  void greet(Peer peer, JoinAsk ask, String token, ServerMessage notice, Room owner) {
    peer.send(parts.log().replay(room, ask.since(), ask.epoch(), parts.historyOnJoin()));
    peer.send(Room.welcome(parts.clock().millis()));
    if (notice != null) {
      parts.bus().publish(room, notice);
      // Before the joiner subscribes: it gets its own list below, at once, and not a second copy now.
      parts.roomData().changed(owner, parts.presence().usernames(room).size() - 1);
    }
    parts.bus().subscribe(room, peer);
    peer.send(roomData.get());
    peer.send(Ack.joined(ask.ref(), token));
    parts.metrics().joined(notice != null);
  }
}
