package chat.server.room;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.LocationMessage;

/**
 * A message for the whole room before the {@link RoomLog} numbers it: a user's text, a notice or a position.
 * Kept apart from the wire records so that a log can store the content and give it its id in one step.
 */
public sealed interface RoomMessage {

  /** The message as the room's members receive it, carrying the id the log gave it. */
  ServerMessage withId(long id);

  /** A user's text, or with {@code system} set (username {@code Admin}) a notice such as "has joined!". */
  record Text(String username, String text, long createdAt, boolean system) implements RoomMessage {
    @Override
    public ChatMessage withId(long id) {
      return new ChatMessage(id, username, text, createdAt, system);
    }
  }

  /** A shared position and the map link built from it. */
  record Location(String username, double latitude, double longitude, String url, long createdAt)
      implements RoomMessage {
    @Override
    public LocationMessage withId(long id) {
      return new LocationMessage(id, username, latitude, longitude, url, createdAt);
    }
  }
}
