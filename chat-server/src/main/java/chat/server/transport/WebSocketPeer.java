package chat.server.transport;

import chat.protocol.ServerMessage;
import chat.server.room.Peer;
import java.nio.ByteBuffer;
import org.java_websocket.WebSocketImpl;

/**
 * A Java-WebSocket connection as a {@link Peer}. Frames are put straight on the connection's send queue
 * ({@link WebSocketImpl#outQueue}) and the selector is asked to write: the library's own {@code send} copies the
 * frame for every recipient and formats a trace string per frame even with tracing off, which dominated
 * fan-out cost (docs/decisions/0007-shared-frame-fanout.md).
 */
final class WebSocketPeer implements Peer {
  private final WebSocketImpl connection;
  private final ChatWebSocketServer server;
  private final FrameEncoder frames;

  WebSocketPeer(WebSocketImpl connection, ChatWebSocketServer server, FrameEncoder frames) {
    this.connection = connection;
    this.server = server;
    this.frames = frames;
  }

  @Override
  public void send(ServerMessage message) {
    enqueue(frames.encode(message));
  }

  /**
   * Queues one complete frame. The buffer may be shared with other peers' queues as a read-only duplicate:
   * each queue entry has its own position, and nobody writes to the bytes.
   */
  void enqueue(ByteBuffer frame) {
    if (!connection.isOpen()) {
      return; // a closing peer just misses the message; its close handler does the clean-up
    }
    connection.outQueue.add(frame);
    server.onWriteDemand(connection);
  }
}
