package chat.server.transport;

import chat.server.room.Session;
import org.java_websocket.WebSocket;

/**
 * What the server keeps with each open connection: its place in the chat, its peer, its allowance of frames and
 * where it comes from. Until it opens, the connection's attachment is only its {@link ClientAddress}.
 */
record ClientConnection(Session session, WebSocketPeer peer, FloodGuard floodGuard, ClientAddress address) {

  /** The open connection's state; null before it opened (a handshake in progress or refused). */
  static ClientConnection of(WebSocket connection) {
    return connection.getAttachment() instanceof ClientConnection client ? client : null;
  }

  /** Where the connection comes from, known from its handshake on. */
  static ClientAddress addressOf(WebSocket connection) {
    Object attachment = connection.getAttachment();
    if (attachment instanceof ClientConnection client) {
      return client.address();
    }
    return attachment instanceof ClientAddress address ? address
        : ClientAddress.direct(connection.getRemoteSocketAddress());
  }
}
