package chat.protocol;

import java.util.List;
import java.util.Objects;

/** Everything the server may send to a client. */
public sealed interface ServerMessage {

  /**
   * The answer to one client request: success when {@code error} is null. {@code retryAfterMs}, when present, says
   * how long the sender should wait before trying again (set when it was sending too fast).
   */
  record Ack(long ref, String error, Long retryAfterMs) implements ServerMessage {
    public Ack(long ref, String error) {
      this(ref, error, null);
    }

    public static Ack ok(long ref) {
      return new Ack(ref, null);
    }

    public static Ack failed(long ref, String error) {
      return new Ack(ref, Objects.requireNonNull(error, "error"));
    }

    /** A request refused because its sender is over its rate; it may try again after the given delay. */
    public static Ack throttled(long ref, String error, long retryAfterMs) {
      return new Ack(ref, Objects.requireNonNull(error, "error"), retryAfterMs);
    }

    public boolean isOk() {
      return error == null;
    }
  }

  /**
   * A text message, from a user or (with {@code system} set and username {@code Admin}) a notice. {@code id}
   * is null only for notices sent to a single connection, such as {@code Welcome!}.
   */
  record ChatMessage(Long id, String username, String text, long createdAt, boolean system)
      implements ServerMessage {
    public ChatMessage {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(text, "text");
    }
  }

  /** A shared position; {@code url} is the map link the server built from the validated coordinates. */
  record LocationMessage(
      long id, String username, double latitude, double longitude, String url, long createdAt)
      implements ServerMessage {
    public LocationMessage {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(url, "url");
    }
  }

  /** The room's name and its users in join order. */
  record RoomData(String room, List<RoomUser> users) implements ServerMessage {
    public RoomData {
      Objects.requireNonNull(room, "room");
      users = List.copyOf(users);
    }
  }

  /** A problem with a frame that could not be answered with an ack (no usable {@code ref}). */
  record ErrorMessage(String error) implements ServerMessage {
    public ErrorMessage {
      Objects.requireNonNull(error, "error");
    }
  }
}
