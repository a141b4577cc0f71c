package chat.desktop.net;

import chat.protocol.ActiveRooms;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the join dialog reads from a server before joining: the active rooms with their member counts, for its
 * room list, and the name limits, so the fields stop where the server would refuse.
 */
public interface RoomDirectory {
  CompletableFuture<List<ActiveRooms.Room>> activeRooms(ServerAddress address);

  /** The server's name limits; a directory that cannot ask answers the defaults. */
  default CompletableFuture<ServerLimits> limits(ServerAddress address) {
    return CompletableFuture.completedFuture(ServerLimits.DEFAULT);
  }
}
