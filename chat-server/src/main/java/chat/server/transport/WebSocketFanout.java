package chat.server.transport;

import chat.protocol.ProtocolCodec;
import chat.protocol.ServerMessage;
import chat.server.room.Fanout;
import chat.server.room.Peer;
import java.util.List;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;

/**
 * Room fan-out over WebSockets: the message is encoded to JSON once and framed once; each recipient only gets
 * the frame's bytes copied into its queue. Callers hold the room's lock, so the shared frame is never used by
 * two threads at once.
 */
final class WebSocketFanout implements Fanout {
  private final ProtocolCodec codec;
  private final Draft_6455 framing = new Draft_6455();

  WebSocketFanout(ProtocolCodec codec) {
    this.codec = codec;
  }

  @Override
  public void send(ServerMessage message, List<Peer> recipients) {
    if (recipients.isEmpty()) {
      return;
    }
    List<Framedata> frames = framing.createFrames(codec.encode(message), false);
    for (Peer peer : recipients) {
      ((WebSocketPeer) peer).sendFrames(frames);
    }
  }
}
