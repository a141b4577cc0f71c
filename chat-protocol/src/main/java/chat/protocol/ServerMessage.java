package chat.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything the server may send to a client. */
public sealed interface ServerMessage {

  /**
   * The answer to one client request: success when {@code error} is null. A failure carries {@code code}, the
   * {@link ErrorCode} wire name clients branch on ({@code error} is the text for people). {@code retryAfterMs},
   * when present, says how long the sender should wait before trying again (set when it was sending too fast).
   * A successful send's ack carries the {@code id} its message got; a successful join's carries the
   * {@code resumeToken} for the next join.
   */
  record Ack(long ref, String error, String code, Long retryAfterMs, Long id, String resumeToken)
      implements ServerMessage {
    public static Ack ok(long ref) {
      return new Ack(ref, null, null, null, null, null);
    }

    /** A send that was posted (or had been, for a repeated client id) as message {@code id}. */
    public static Ack posted(long ref, long id) {
      return new Ack(ref, null, null, null, id, null);
    }

    /** A join that succeeded; the token takes the seat back on the next join. */
    public static Ack joined(long ref, String resumeToken) {
      return new Ack(ref, null, null, null, null, Objects.requireNonNull(resumeToken, "resumeToken"));
    }

    public static Ack failed(long ref, ErrorCode code, String error) {
      return new Ack(ref, Objects.requireNonNull(error, "error"), code.wireName(), null, null, null);
    }

    /** A request refused because its sender is over its rate; it may try again after the given delay. */
    public static Ack throttled(long ref, String error, long retryAfterMs) {
      return new Ack(ref, Objects.requireNonNull(error, "error"), ErrorCode.RATE_LIMITED.wireName(), retryAfterMs,
          null, null);
    }

    public boolean isOk() {
      return error == null;
    }

    /** The failure's code when this version knows it; empty on success, for an older server, or a newer code. */
    public Optional<ErrorCode> errorCode() {
      return code == null ? Optional.empty() : ErrorCode.fromWireName(code);
    }
  }

  /**
   * A text message, from a user or (with {@code system} set and username {@code Admin}) a notice. {@code id}
   * is null only for notices sent to a single connection, such as {@code Welcome!}. {@code clientId} is the
   * sender's idempotency key, when it gave one.
   */
  record ChatMessage(Long id, String username, String text, long createdAt, boolean system, String clientId)
      implements ServerMessage {
    public ChatMessage {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(text, "text");
    }

    public ChatMessage(Long id, String username, String text, long createdAt, boolean system) {
      this(id, username, text, createdAt, system, null);
    }
  }

  /** A shared position; {@code url} is the map link the server built from the validated coordinates. */
  record LocationMessage(
      long id, String username, double latitude, double longitude, String url, long createdAt, String clientId)
      implements ServerMessage {
    public LocationMessage {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(url, "url");
    }

    public LocationMessage(long id, String username, double latitude, double longitude, String url,
        long createdAt) {
      this(id, username, latitude, longitude, url, createdAt, null);
    }
  }

  /**
   * Part of a room's history, oldest first: {@code messages} are {@link ChatMessage}s and {@link
   * LocationMessage}s exactly as they were sent live. Sent on every successful join (no {@code ref}; {@code
   * recovered} set when the join asked to resume from an id) and in answer to a {@code loadHistory} (with its
   * {@code ref}). {@code hasMore} says whether older messages exist. Ids compare only within one {@code epoch}.
   */
  record History(Long ref, String room, String epoch, List<ServerMessage> messages, boolean hasMore,
      Boolean recovered) implements ServerMessage {
    public History {
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(epoch, "epoch");
      messages = List.copyOf(messages);
      for (ServerMessage message : messages) {
        if (!(message instanceof ChatMessage) && !(message instanceof LocationMessage)) {
          throw new IllegalArgumentException("history holds only room messages, not " + message);
        }
      }
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
