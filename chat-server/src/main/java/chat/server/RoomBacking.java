package chat.server;

import chat.server.cluster.ClusterNode;
import chat.server.room.InMemoryPresence;
import chat.server.room.Presence;
import chat.server.room.RoomLog;
import chat.server.room.RoomService;
import chat.server.store.HistoryStorage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What the room rules stand on: this server's own history store and presence, or (cluster mode) the ones it
 * shares with the other nodes through Redis. One of the two, with how to describe it, check it and close it;
 * {@code waiting} runs the requests that wait on it (null: none does); {@code bind} tells it the rules and how
 * to restart every connection (a cluster node declared dead does).
 */
record RoomBacking(RoomLog log, Presence presence, Executor waiting, String describe, Supplier<String> problem,
    BiConsumer<RoomService, Runnable> bind, AutoCloseable closer) implements AutoCloseable {

  static RoomBacking single(HistoryStorage history) {
    return new RoomBacking(history.log(), new InMemoryPresence(), null, history.describe(), history::problem,
        (rooms, restart) -> {}, history);
  }

  static RoomBacking cluster(ClusterNode node) {
    return new RoomBacking(node.log(), node.presence(), node.requests(), node.describe(), node::problem, node::bind,
        node);
  }

  @Override
  public void close() {
    try {
      closer.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing " + describe, e);
    }
  }
}
