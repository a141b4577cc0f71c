package chat.server.room;

import chat.protocol.ServerMessage;

/** One connection as the room logic sees it: somewhere to send messages. The transport implements it. */
public interface Peer {
  void send(ServerMessage message);
}
