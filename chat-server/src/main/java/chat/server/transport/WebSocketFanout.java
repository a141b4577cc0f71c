package chat.server.transport;

import chat.protocol.ServerMessage;
import chat.server.room.Fanout;
import chat.server.room.Peer;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Room fan-out over WebSockets: the message is encoded to JSON once and framed once, and every recipient's queue
 * gets a read-only view of the same bytes, so a delivery costs no copy and no encoding. In big rooms the writes
 * are deferred for a moment so that several messages share one write per connection; in small rooms that only
 * added a thread hand-off, so they are written at once (docs/decisions/0008-deferred-fanout-writes.md).
 */
final class WebSocketFanout implements Fanout {
  /** From this many recipients on, a message's writes wait for the deferred flush. */
  static final int DEFER_FROM_RECIPIENTS = 32;

  private final FrameEncoder frames;
  private final DeferredWrites deferred;

  WebSocketFanout(FrameEncoder frames, DeferredWrites deferred) {
    this.frames = frames;
    this.deferred = deferred;
  }

  @Override
  public void send(ServerMessage message, List<Peer> recipients) {
    if (recipients.isEmpty()) {
      return;
    }
    ByteBuffer frame = frames.encode(message).asReadOnlyBuffer();
    boolean defer = recipients.size() >= DEFER_FROM_RECIPIENTS;
    for (Peer peer : recipients) {
      ((WebSocketPeer) peer).enqueue(frame.duplicate(), defer);
    }
    if (defer) {
      deferred.messageDeferred();
    }
  }
}
