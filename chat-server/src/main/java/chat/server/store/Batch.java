package chat.server.store;

import chat.server.room.HeldSeat;
import chat.server.room.RoomMessage;
import java.util.List;

/**
 * What one transaction writes. {@code rooms}: rooms created or renumbered (upserted with their epoch and last
 * id). {@code messages}: new messages; one with a client id also records the send for de-duplication under
 * (room, userKey, clientId). {@code seatsTaken} are upserted by (room, userKey); {@code seatsFreed} deleted,
 * after the taken ones (a seat in both lists ends up free).
 *
 * <p>A message's room must already be known to the store, from this batch's {@code rooms} or an earlier one,
 * or the whole batch fails: the store never makes up an epoch. A room's last id rises to its newest message's
 * id by itself, so a room need only be listed when it is new or renumbered. Listed again with its current
 * epoch, its last id is never lowered; listed with another epoch, it starts a new id sequence with the given
 * last id, and the messages and sends numbered in the old one are deleted (their ids would collide).
 */
public record Batch(List<RoomState> rooms, List<Append> messages, List<HeldSeat> seatsTaken,
    List<FreedSeat> seatsFreed) {
  public Batch {
    rooms = List.copyOf(rooms);
    messages = List.copyOf(messages);
    seatsTaken = List.copyOf(seatsTaken);
    seatsFreed = List.copyOf(seatsFreed);
  }

  /** A message with the id the log gave it; {@code userKey} is its sender's name key (null for notices). */
  public record Append(String room, long id, String userKey, RoomMessage message) {
    /** The send it records for de-duplication; null without a client id or a sender. */
    public SendKey sendKey() {
      String clientId = message.clientId();
      return clientId == null || userKey == null ? null : new SendKey(room, userKey, clientId);
    }
  }

  /** A seat given up: the user left the room or its grace ran out. */
  public record FreedSeat(String room, String userKey) {}

  public boolean isEmpty() {
    return rooms.isEmpty() && messages.isEmpty() && seatsTaken.isEmpty() && seatsFreed.isEmpty();
  }
}
