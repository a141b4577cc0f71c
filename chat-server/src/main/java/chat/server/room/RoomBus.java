package chat.server.room;

import chat.protocol.ServerMessage;

/**
 * Carries a room's messages to its members connected to this process: each subscribed {@link Peer} gets every
 * message published to the room while it is subscribed, through {@link Peer#deliver}, once, in publish order.
 *
 * <p>{@link Room} subscribes, unsubscribes and publishes under the room's lock, which orders everything for one
 * room; implementations must still accept calls for different rooms from different threads at once. A
 * publish must not wait on the network (the lock is held), and a peer subscribed after a publish returned does
 * not get that message.
 */
public interface RoomBus {

  /** From now on the peer gets the room's messages. */
  void subscribe(String room, Peer peer);

  /** From now on the peer gets none of the room's messages. */
  void unsubscribe(String room, Peer peer);

  /** Delivers the message to every peer subscribed to the room. */
  void publish(String room, ServerMessage message);
}
