package chat.desktop.net;

import chat.protocol.ServerMessage;
import java.util.concurrent.CompletableFuture;

/**
 * One client's session with the chat server, as the view-models see it. Request futures complete when the
 * server acks (exceptionally with {@link RequestFailedException} on an ack error, when offline, or after the
 * ack timeout), on a network thread: callers hop to their own thread.
 */
public interface ChatConnection extends AutoCloseable {

  /**
   * Enters a room (or moves there); once acked, the room is joined again after every reconnect, taking back the
   * seat the server holds for a while after a drop, so the others do not see the user leave and join.
   */
  CompletableFuture<Void> join(String username, String room);

  /**
   * Sends a message; {@code clientId} (may be null) makes a retry post it once. Completes with the id the
   * message got.
   */
  CompletableFuture<Long> sendMessage(String text, String clientId);

  /** A message without a client id. */
  default CompletableFuture<Long> sendMessage(String text) {
    return sendMessage(text, null);
  }

  CompletableFuture<Void> sendLocation(double latitude, double longitude);

  /**
   * The newest {@code limit} messages of the room with ids below {@code before} (the newest page when null),
   * oldest first, with whether older ones exist.
   */
  CompletableFuture<ServerMessage.History> loadHistory(Long before, int limit);

  ConnectionStatus status();

  /**
   * Starts delivering events to the listener. Messages that arrived before any listener was set (the
   * {@code Welcome!} and room data that precede a join's ack) are delivered first, in order.
   */
  void setListener(Listener listener);

  /** While waiting to reconnect: tries at once instead of after the wait ("Reconnect now"). */
  default void reconnectNow() {}

  /** Leaves: closes the socket and stops reconnecting. Pending requests fail. */
  @Override
  void close();

  /** Events from the server, delivered on a network thread, in arrival order. */
  interface Listener {
    void onServerMessage(ServerMessage message);

    void onStatusChanged(ConnectionStatus status);
  }
}
