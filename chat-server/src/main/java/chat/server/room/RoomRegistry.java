package chat.server.room;

import chat.protocol.ActiveRooms;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rooms that have people in them, by lower-cased name. A room is created by its first join and dropped by
 * its last leave; a join that races with that drop simply finds the closed room and tries a fresh one.
 */
final class RoomRegistry {
  private final Map<String, Room> rooms = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Fanout fanout;
  private final RoomDataCoalescer roomData;

  RoomRegistry(Clock clock, Fanout fanout, RoomDataCoalescer roomData) {
    this.clock = clock;
    this.fanout = fanout;
    this.roomData = roomData;
  }

  /** Joins the member to the named room, creating it if needed. */
  Optional<Room> join(String roomName, Member member) {
    while (true) {
      Room room = rooms.computeIfAbsent(roomName, name -> new Room(name, clock, fanout, roomData));
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

  boolean isNameTaken(String roomName, String nameKey) {
    Room room = rooms.get(roomName);
    return room != null && room.isNameTaken(nameKey);
  }

  void leave(Room room, Member member) {
    if (room.leave(member)) {
      rooms.remove(room.name(), room);
    }
  }

  /** Rooms with people in them, by name. */
  ActiveRooms activeRooms() {
    List<ActiveRooms.Room> summaries = rooms.values().stream()
        .map(Room::summary)
        .filter(summary -> summary.users() > 0)
        .sorted(Comparator.comparing(ActiveRooms.Room::name))
        .toList();
    return new ActiveRooms(summaries);
  }

  /** The user names in a room in join order; empty when there is no such room. */
  List<String> usernames(String roomName) {
    Room room = rooms.get(roomName);
    return room == null ? List.of() : room.usernames();
  }
}
