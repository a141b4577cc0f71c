package chat.server.transport;

import chat.protocol.ServerMessage;
import chat.server.room.Fanout;
import chat.server.room.Peer;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Room fan-out over WebSockets: the message is encoded to JSON once and framed once, and every recipient's queue
 * gets a read-only view of the same bytes, so a delivery costs no copy and no encoding.
 */
final class WebSocketFanout implements Fanout {
  private final FrameEncoder frames;

  WebSocketFanout(FrameEncoder frames) {
    this.frames = frames;
  }

  @Override
  public void send(ServerMessage message, List<Peer> recipients) {
    if (recipients.isEmpty()) {
      return;
    }
    ByteBuffer frame = frames.encode(message).asReadOnlyBuffer();
    for (Peer peer : recipients) {
      ((WebSocketPeer) peer).enqueue(frame.duplicate());
    }
  }
}
