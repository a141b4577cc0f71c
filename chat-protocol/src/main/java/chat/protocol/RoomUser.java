package chat.protocol;

import java.util.Objects;

/** One entry of a room's user list. Only the display name crosses the wire, never a connection id. */
public record RoomUser(String username) {
  public RoomUser {
    Objects.requireNonNull(username, "username");
  }
}
