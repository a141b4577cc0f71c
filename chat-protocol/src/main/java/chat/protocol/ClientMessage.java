package chat.protocol;

/**
 * Everything a client may send. Each request carries the client's {@code ref}, echoed in its {@link
 * ServerMessage.Ack}. Fields added in protocol v2 are optional (null when absent), so v1 clients keep working.
 */
public sealed interface ClientMessage {

  /** The client-chosen number that the server echoes in the ack for this request. */
  long ref();

  /**
   * Enter a room under a display name; a second join on the same connection moves the user. {@code since} (the
   * last id the client has), {@code epoch} (of that id's sequence) and {@code resumeToken} (from the previous
   * join's ack) ask for the missed messages and the user's held seat back.
   */
  record Join(long ref, String username, String room, Long since, String epoch, String resumeToken)
      implements ClientMessage {
    public Join(long ref, String username, String room) {
      this(ref, username, room, null, null, null);
    }
  }

  /** A text message to everyone in the sender's room; {@code clientId} makes a retried send post once. */
  record SendMessage(long ref, String text, String clientId) implements ClientMessage {
    public SendMessage(long ref, String text) {
      this(ref, text, null);
    }
  }

  /** The sender's position, shared with everyone in the room as a map link. */
  record SendLocation(long ref, double latitude, double longitude, String clientId) implements ClientMessage {
    public SendLocation(long ref, double latitude, double longitude) {
      this(ref, latitude, longitude, null);
    }
  }

  /**
   * An older page of the room's history: the newest {@code limit} messages with ids below {@code before} (the
   * newest page when {@code before} is null).
   */
  record LoadHistory(long ref, Long before, int limit) implements ClientMessage {
    /** The page size when the request names none. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page a request may ask for. */
    public static final int MAX_LIMIT = 100;
  }
}
