package chat.server.room;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Who is in which room, in join order, and the claims that keep names unique in a room. Two names are the same
 * claim when they are equal ignoring case, compatibility forms and invisible characters
 * ({@link JoinValidator#nameKey}); the same name may be claimed in different rooms.
 *
 * <p>Every method is safe from any thread. {@link #claim} and {@link #release} are atomic: of concurrent claims
 * of one name in one room exactly one succeeds. {@link Room} makes its claims and releases under the room's
 * lock, so what it reads back under that lock is the room as it stands.
 *
 * <p>A presence shared by several servers may be unreachable: then every method throws {@link Unavailable}.
 */
public interface Presence {

  /** Claims the name in the room; false, changing nothing, when the room already has that name. */
  boolean claim(String room, String username);

  /**
   * Gives up a claim made with {@link #claim}; false when the room had no such name, or (shared by several
   * servers) the seat is no longer this server's: another took it over. Only a release that returns true tells
   * the room its user left.
   */
  boolean release(String room, String username);

  /** True when the room has the name (in any case or disguise). */
  boolean isClaimed(String room, String username);

  /** The room's user names in the order they were claimed; empty for a room nobody is in. */
  List<String> usernames(String room);

  /** The rooms somebody is in, by name, each with its number of users. */
  SortedMap<String, Integer> headcounts();

  /**
   * A seat held by another server that this one may take over: the one whose resume token hashes to
   * {@code tokenHash}, moved here atomically. Empty when there is none; always empty with one server, where
   * every seat is this server's own.
   */
  default Optional<HeldSeat> adopt(String room, String userKey, String tokenHash) {
    return Optional.empty();
  }
}
