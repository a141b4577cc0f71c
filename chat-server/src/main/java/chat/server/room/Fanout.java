package chat.server.room;

import chat.protocol.ServerMessage;
import java.util.List;

/** Delivers one message to many peers; implementations encode it once, whatever the number of recipients. */
public interface Fanout {
  void send(ServerMessage message, List<Peer> recipients);
}
