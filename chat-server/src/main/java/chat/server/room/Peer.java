package chat.server.room;

import chat.protocol.ServerMessage;

/**
 * One connection as the room logic sees it. The transport implements it.
 *
 * <p>Both methods may be called from any thread, concurrently, and often under a room's lock: they must not
 * block on the network or call back into {@link RoomService}. What one peer is given reaches its client in the
 * order of the calls, whichever method was used: that is how a sender sees its own message before its ack.
 */
public interface Peer {

  /** A direct reply to this connection (acks, Welcome!, the joiner's own user list), written promptly. */
  void send(ServerMessage message);

  /**
   * A room message from the {@link RoomBus}, the same object for every member: the transport may encode it once
   * for all of them and batch its writes with other messages.
   */
  void deliver(ServerMessage message);

  /** Closes the connection normally with the reason (another connection took its user's seat). */
  void close(String reason);
}
