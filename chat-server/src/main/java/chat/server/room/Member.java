package chat.server.room;

/**
 * A user in a room: the display name as typed (trimmed) and the connection it speaks through. {@code key} is the
 * name folded for comparison, so names that differ only in case are the same user.
 */
record Member(String username, String key, Peer peer) {

  static Member of(String username, Peer peer) {
    return new Member(username, JoinValidator.nameKey(username), peer);
  }
}
