package chat.server.room;

import chat.protocol.ServerMessage;

/** One connection as the room logic sees it: somewhere to send messages. The transport implements it. */
public interface Peer {
  /** A reply to this connection alone (an ack, its Welcome!, its own user list): written promptly. */
  void send(ServerMessage message);

  /** A room message, one of many copies: the transport encodes it once and may batch it with others. */
  void deliver(ServerMessage message);
}
