package chat.server.room;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open rooms, by lower-cased name: the objects whose locks order each room's seats. A room is created by its
 * first join (or a seat restored at start-up) and dropped when its last seat is given up; a join that races with
 * that drop simply finds the closed room and tries a fresh one.
 */
final class RoomRegistry {
  private final Map<String, Room> rooms = new ConcurrentHashMap<>();
  private final RoomParts parts;

  RoomRegistry(RoomParts parts) {
    this.parts = parts;
  }

  /** Seats the member in the named room, creating it if needed; empty when the name is taken there. */
  Optional<Room> join(String roomName, Session session, Member member, JoinAsk ask) {
    while (true) {
      Room room = open(roomName);
      switch (room.join(session, member, ask)) {
        case JOINED:
          return Optional.of(room);
        case NAME_TAKEN:
          return Optional.empty();
        case CLOSED:
          rooms.remove(roomName, room);
          break;
        default:
          throw new IllegalStateException();
      }
    }
  }

  /** The room if it is open (somebody holds a seat in it). */
  Optional<Room> existing(String roomName) {
    return Optional.ofNullable(rooms.get(roomName));
  }

  /** The room holding a seat taken over from another server; empty if it closed meanwhile. */
  Optional<Room> adopt(HeldSeat seat) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Room room = open(seat.room());
      if (room.adopt(seat)) {
        return Optional.of(room);
      }
      rooms.remove(seat.room(), room);
    }
    return Optional.empty();
  }

  /** Holds a seat the store kept from before a restart. */
  void restore(HeldSeat seat) {
    Room room = open(seat.room());
    while (!room.restore(seat)) {
      if (rooms.get(seat.room()) == room) {
        return; // the name is held already: the store kept it twice
      }
      room = open(seat.room());
    }
  }

  private Room open(String roomName) {
    return rooms.computeIfAbsent(roomName, name -> new Room(name, parts, this::emptied));
  }

  private void emptied(Room room) {
    rooms.remove(room.name(), room);
  }
}
