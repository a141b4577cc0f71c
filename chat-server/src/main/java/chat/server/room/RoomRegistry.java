package chat.server.room;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The open rooms, by lower-cased name: the objects whose locks order each room's changes. A room is created by
 * its first join and dropped by its last leave; a join that races with that drop simply finds the closed room
 * and tries a fresh one.
 */
final class RoomRegistry {
  private final Map<String, Room> rooms = new ConcurrentHashMap<>();
  private final Function<String, Room> newRoom;

  RoomRegistry(Function<String, Room> newRoom) {
    this.newRoom = newRoom;
  }

  /** Joins the member to the named room, creating it if needed; empty when the name is taken there. */
  Optional<Room> join(String roomName, Member member) {
    while (true) {
      Room room = rooms.computeIfAbsent(roomName, newRoom);
      switch (room.join(member)) {
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

  void leave(Room room, Member member) {
    if (room.leave(member)) {
      rooms.remove(room.name(), room);
    }
  }
}
