package chat.server.store;

/**
 * A user's place in a room that outlives its connection: the name as typed, its folded key (unique per room),
 * the SHA-256 of its current resume token (hex), and a position that orders seats by when they were taken.
 */
public record Seat(String room, String username, String userKey, String tokenHash, long position) {}
