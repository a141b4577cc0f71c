package chat.desktop.net;

import chat.protocol.ActiveRooms;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The server's active rooms with their member counts, for the join dialog's room list. */
public interface RoomDirectory {
  CompletableFuture<List<ActiveRooms.Room>> activeRooms(ServerAddress address);
}
