package chat.desktop.chat;

import chat.protocol.ServerMessage;

/** One row of the message list: a user's text, a shared location, or a system notice. */
public record ChatEntry(Kind kind, String username, String text, String url, long createdAt, boolean own) {

  public enum Kind {
    TEXT,
    LOCATION,
    SYSTEM
  }

  static ChatEntry of(ServerMessage.ChatMessage message, String me) {
    Kind kind = message.system() ? Kind.SYSTEM : Kind.TEXT;
    return new ChatEntry(
        kind, message.username(), message.text(), null, message.createdAt(), isMe(message.username(), me, kind));
  }

  static ChatEntry of(ServerMessage.LocationMessage message, String me) {
    return new ChatEntry(
        Kind.LOCATION,
        message.username(),
        "My current location",
        message.url(),
        message.createdAt(),
        isMe(message.username(), me, Kind.LOCATION));
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
