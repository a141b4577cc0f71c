package chat.protocol;

import java.util.List;
import java.util.Objects;

/** The answer of {@code GET /api/rooms}: rooms that have people in them right now. */
public record ActiveRooms(List<Room> rooms) {
  public ActiveRooms {
    rooms = List.copyOf(rooms);
  }

  /** A room's lower-cased name and how many users are in it. */
  public record Room(String name, int users) {
    public Room {
      Objects.requireNonNull(name, "name");
    }
  }
}
