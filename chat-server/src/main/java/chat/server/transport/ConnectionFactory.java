package chat.server.transport;

import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.server.DefaultWebSocketServerFactory;

/**
 * Makes the server's connections: each accepted socket gets a {@link JoinDeadline}, and its writes are gathered
 * (see {@link GatheringChannel}). The library takes one factory, so both hooks live here. Only the server's
 * selector thread writes to sockets, so one {@link StagedWriter} serves every connection.
 */
final class ConnectionFactory implements WebSocketServerFactory {
  private final DefaultWebSocketServerFactory connections = new DefaultWebSocketServerFactory();
  private final JoinDeadline deadline;
  private final StagedWriter writer = new StagedWriter();
  private final PassEndWrites passWrites;

  ConnectionFactory(JoinDeadline deadline, PassEndWrites passWrites) {
    this.deadline = deadline;
    this.passWrites = passWrites;
  }

  @Override
  public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
    return watched(connections.createWebSocket(adapter, draft));
  }

  @Override
  public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
    return watched(connections.createWebSocket(adapter, drafts));
  }

  @Override
  public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
    return new GatheringChannel(channel, (WebSocketImpl) key.attachment(), writer, passWrites);
  }

  @Override
  public void close() {
    connections.close();
  }

  private WebSocketImpl watched(WebSocketImpl connection) {
    deadline.watch(connection);
    return connection;
  }
}
