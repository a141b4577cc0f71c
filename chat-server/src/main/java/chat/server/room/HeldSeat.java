package chat.server.room;

/**
 * A user's place in a room as the log keeps it across restarts: the name as typed, its folded key (unique per
 * room), the SHA-256 (hex) of its current resume token, and a position ordering seats by when they were taken.
 */
public record HeldSeat(String room, String username, String userKey, String tokenHash, long position) {}
