package chat.server.store;

import chat.server.room.HeldSeat;
import chat.server.room.RoomMessage;
import java.util.ArrayList;
import java.util.List;

/** Builds the batches the tests commit: {@code Batches.batch().room("lobby", "e1").text(...).build()}. */
final class Batches {
  private final List<RoomState> rooms = new ArrayList<>();
  private final List<Batch.Append> messages = new ArrayList<>();
  private final List<HeldSeat> seatsTaken = new ArrayList<>();
  private final List<Batch.FreedSeat> seatsFreed = new ArrayList<>();

  private Batches() {}

  static Batches batch() {
    return new Batches();
  }

  /** A new room (or a renumbered one) with this epoch and last id 0. */
  Batches room(String room, String epoch) {
    return room(room, epoch, 0);
  }

  Batches room(String room, String epoch, long lastId) {
    rooms.add(new RoomState(room, epoch, lastId, lastId + 1));
    return this;
  }

  /** Alice's text, sent at {@code createdAt}, without a client id. */
  Batches text(String room, long id, String text, long createdAt) {
    return message(room, id, "alice", new RoomMessage.Text("Alice", text, createdAt, false, null));
  }

  /** Alice's text with a client id, recorded as her send for de-duplication. */
  Batches sent(String room, long id, String clientId, long createdAt) {
    return message(room, id, "alice", new RoomMessage.Text("Alice", "hi", createdAt, false, clientId));
  }

  Batches message(String room, long id, String userKey, RoomMessage message) {
    messages.add(new Batch.Append(room, id, userKey, message));
    return this;
  }

  Batches take(HeldSeat seat) {
    seatsTaken.add(seat);
    return this;
  }

  Batches free(String room, String userKey) {
    seatsFreed.add(new Batch.FreedSeat(room, userKey));
    return this;
  }

  Batch build() {
    return new Batch(rooms, messages, seatsTaken, seatsFreed);
  }
}
