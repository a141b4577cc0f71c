package chat.server.room;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.LocationMessage;

/**
 * A message for the whole room before the {@link RoomLog} numbers it: a user's text, a notice or a position.
 * Kept apart from the wire records so that a log can store the content and give it its id in one step.
 * {@code clientId} is the sender's idempotency key ({@code null} when it gave none; always for notices).
 */
public sealed interface RoomMessage {

  /** The message as the room's members receive it, carrying the id the log gave it. */
  ServerMessage withId(long id);

  /** Who sent it, as typed ({@code Admin} for notices). */
  String username();

  /** The sender's idempotency key, or null. */
  String clientId();

  /** When the server received it, in epoch milliseconds. */
  long createdAt();

  /** A user's text, or with {@code system} set (username {@code Admin}) a notice such as "has joined!". */
  record Text(String username, String text, long createdAt, boolean system, String clientId)
      implements RoomMessage {
    public Text(String username, String text, long createdAt, boolean system) {
      this(username, text, createdAt, system, null);
    }

    @Override
    public ChatMessage withId(long id) {
      return new ChatMessage(id, username, text, createdAt, system, clientId);
    }
  }

  /** A shared position and the map link built from it. */
  record Location(String username, double latitude, double longitude, String url, long createdAt,
      String clientId) implements RoomMessage {
    public Location(String username, double latitude, double longitude, String url, long createdAt) {
      this(username, latitude, longitude, url, createdAt, null);
    }

    @Override
    public LocationMessage withId(long id) {
      return new LocationMessage(id, username, latitude, longitude, url, createdAt, clientId);
    }
  }
}
