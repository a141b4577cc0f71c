package chat.server.transport;

import chat.protocol.ProtocolCodec;
import chat.protocol.ServerMessage;
import chat.server.room.Peer;
import java.util.List;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.Framedata;

/** A Java-WebSocket connection as a {@link Peer}: messages to it are encoded and queued on its socket. */
final class WebSocketPeer implements Peer {
  private final WebSocket connection;
  private final ProtocolCodec codec;

  WebSocketPeer(WebSocket connection, ProtocolCodec codec) {
    this.connection = connection;
    this.codec = codec;
  }

  @Override
  public void send(ServerMessage message) {
    try {
      connection.send(codec.encode(message));
    } catch (WebsocketNotConnectedException e) {
      // The peer is going away; its close handler does the clean-up.
    }
  }

  /** Queues frames that were built once for many peers. */
  void sendFrames(List<Framedata> frames) {
    try {
      connection.sendFrame(frames);
    } catch (WebsocketNotConnectedException e) {
      // As above: a closing peer just misses the message.
    }
  }
}
