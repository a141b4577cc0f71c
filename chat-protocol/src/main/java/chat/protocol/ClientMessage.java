package chat.protocol;

/**
 * Everything a client may send. Each request carries the client's {@code ref}, echoed in its {@link
 * ServerMessage.Ack}.
 */
public sealed interface ClientMessage {

  /** The client-chosen number that the server echoes in the ack for this request. */
  long ref();

  /** Enter a room under a display name; a second join on the same connection moves the user. */
  record Join(long ref, String username, String room) implements ClientMessage {}

  /** A text message to everyone in the sender's room. */
  record SendMessage(long ref, String text) implements ClientMessage {}

  /** The sender's position, shared with everyone in the room as a map link. */
  record SendLocation(long ref, double latitude, double longitude) implements ClientMessage {}
}
