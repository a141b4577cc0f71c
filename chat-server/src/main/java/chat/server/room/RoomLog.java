package chat.server.room;

import chat.protocol.ServerMessage;
import java.util.List;

/**
 * A room's messages in the order the room received them: it gives each its id and keeps the recent ones.
 *
 * <p>Ids are positive and consecutive per room, starting at 1. {@link Room} calls {@link #append} and
 * {@link #forget} under the room's lock and publishes what {@code append} returned before releasing it, so ids
 * increase in the order members receive them. Implementations must still be safe to call for different rooms
 * from different threads at once, and {@link #recent}/{@link #before} from any thread at any time.
 */
public interface RoomLog {

  /** Gives the message the room's next id, keeps it, and returns it as members will receive it. */
  ServerMessage append(String room, RoomMessage message);

  /** Up to {@code limit} of the room's latest messages, oldest first; empty for a room with none. */
  List<ServerMessage> recent(String room, int limit);

  /** Up to {@code limit} of the room's messages with ids below {@code id}, the latest of those, oldest first. */
  List<ServerMessage> before(String room, long id, int limit);

  /**
   * The room emptied and closed. Called under the closing room's lock, before a room of the same name can take
   * a join. The in-memory rule (client-visible today, see docs/protocol.md): the room is forgotten, and its
   * ids start at 1 again when it is next used. A durable log may keep the history and go on numbering instead.
   */
  void forget(String room);
}
