package chat.server.room;

import chat.protocol.ServerMessage;
import java.util.List;

/** Fan-out to the peers of this process: each gets the room message delivered. */
public final class PeerFanout implements Fanout {
  @Override
  public void send(ServerMessage message, List<Peer> recipients) {
    for (Peer peer : recipients) {
      peer.deliver(message);
    }
  }
}
