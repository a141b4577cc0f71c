package chat.desktop.chat;

import chat.protocol.ServerMessage;

/**
 * One row of the message list: a user's text, a shared location, a system notice, or one of the list's own
 * rows (a day separator, a divider, a message waiting in the outbox). {@code id} is the room message id (null
 * for rows without one); {@code continued} marks a message grouped under the one before it (no name and time
 * of its own); {@code clientId} ties an outbox row to its send; {@code problem} is why an outbox row was not
 * sent (null while it is still being sent).
 */
public record ChatEntry(Kind kind, Long id, String username, String text, String url, long createdAt, boolean own,
    boolean continued, String clientId, String problem) {

  public enum Kind {
    TEXT,
    LOCATION,
    SYSTEM,
    /** "Today", "Yesterday", "Monday 30 November" above a day's first message. */
    DAY,
    /** "Some messages could not be loaded": history missing here; {@code id} is the first one after it. */
    GAP,
    /** "New": unread messages start below. */
    NEW,
    /** "This is the beginning of #room". */
    BEGINNING,
    /** A message in the outbox: "sending…", or "Not sent" with the server's reason. */
    OUTBOX
  }

  static ChatEntry of(ServerMessage.ChatMessage message, String me) {
    Kind kind = message.system() ? Kind.SYSTEM : Kind.TEXT;
    return new ChatEntry(kind, message.id(), message.username(), message.text(), null, message.createdAt(),
        isMe(message.username(), me, kind), false, message.clientId(), null);
  }

  static ChatEntry of(ServerMessage.LocationMessage message, String me) {
    return new ChatEntry(Kind.LOCATION, message.id(), message.username(), "My current location", message.url(),
        message.createdAt(), isMe(message.username(), me, Kind.LOCATION), false, message.clientId(), null);
  }

  /** A room message from a history or a live frame; null for anything else. */
  static ChatEntry ofRoomMessage(ServerMessage message, String me) {
    if (message instanceof ServerMessage.ChatMessage chat) {
      return of(chat, me);
    }
    return message instanceof ServerMessage.LocationMessage location ? of(location, me) : null;
  }

  /** A row of the list's own, such as a day separator or a divider. */
  static ChatEntry marker(Kind kind, String text, Long id, long createdAt) {
    return new ChatEntry(kind, id, "", text, null, createdAt, false, false, null, null);
  }

  /** A message of this user's waiting in the outbox. */
  static ChatEntry outbox(String username, String text, String clientId, long createdAt, String problem) {
    return new ChatEntry(Kind.OUTBOX, null, username, text, null, createdAt, true, false, clientId, problem);
  }

  /** A user's text, a location or a notice: what the server sent, not a row of the list's own. */
  public boolean isMessage() {
    return kind == Kind.TEXT || kind == Kind.LOCATION || kind == Kind.SYSTEM;
  }

  ChatEntry continuing(boolean grouped) {
    return grouped == continued ? this
        : new ChatEntry(kind, id, username, text, url, createdAt, own, grouped, clientId, problem);
  }

  /** Location links open in the system browser, so only web map links are ever made clickable. */
  public boolean hasSafeLink() {
    return url != null && url.startsWith("https://");
  }

  private static boolean isMe(String username, String me, Kind kind) {
    // Names are unique per room ignoring case, so a case-insensitive match is this user.
    return kind != Kind.SYSTEM && username.equalsIgnoreCase(me);
  }
}
