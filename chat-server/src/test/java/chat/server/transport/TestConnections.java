package chat.server.transport;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketListener;
import org.java_websocket.drafts.Draft_6455;

/** Real Java-WebSocket connections over a recording channel: each socket write and its bytes are kept. */
final class TestConnections {
  /** Nothing here ever calls the connections' listener, so every method may do nothing. */
  private static final WebSocketListener LISTENER = (WebSocketListener) Proxy.newProxyInstance(
      WebSocketListener.class.getClassLoader(), new Class<?>[] {WebSocketListener.class},
      (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : null);

  private TestConnections() {}

  /** A connection whose socket takes everything, one system call per staged write, as the real channel does. */
  static Recorded connection() {
    WebSocketImpl connection = new WebSocketImpl(LISTENER, new Draft_6455());
    Recorded recorded = new Recorded(connection);
    connection.setChannel(recorded);
    return recorded;
  }

  static ByteBuffer frame(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The socket side of a test connection. */
  static final class Recorded implements ByteChannel {
    final WebSocketImpl connection;
    private final StagedWriter writer = new StagedWriter();
    private final List<String> writes = new ArrayList<>();
    /** Runs on every system call (tests advance their clock here: a write takes time). */
    Runnable onWrite = () -> {};
    /** How much one system call takes at most: less than is queued makes the socket "full". */
    int maxBytesPerWrite = Integer.MAX_VALUE;
    private final WritableByteChannel socket = new WritableByteChannel() {
      @Override
      public int write(ByteBuffer source) {
        onWrite.run();
        int bytes = Math.min(source.remaining(), maxBytesPerWrite);
        byte[] copy = new byte[bytes];
        source.get(copy);
        writes.add(new String(copy, StandardCharsets.UTF_8));
        return bytes;
      }

      @Override
      public boolean isOpen() {
        return true;
      }

      @Override
      public void close() {}
    };

    private Recorded(WebSocketImpl connection) {
      this.connection = connection;
    }

    /** What each system call wrote, in order. */
    List<String> writes() {
      return List.copyOf(writes);
    }

    @Override
    public int write(ByteBuffer head) throws IOException {
      return head.hasRemaining() ? writer.write(socket, connection.outQueue, head) : 0;
    }

    @Override
    public int read(ByteBuffer target) {
      return 0;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
