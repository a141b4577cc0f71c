package chat.server.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import org.java_websocket.WebSocketImpl;

/**
 * A connection's socket that writes every frame waiting in the connection's send queue with one gathering
 * {@code write}, not one system call per frame. Java-WebSocket's selector drains a queue by writing its head,
 * removing it once empty and writing the next; here writing the head also writes the frames behind it, so the
 * later calls find them already sent and return at once. On loopback a socket write costs several
 * microseconds of kernel time whatever its size, which made it most of the cost of a delivery.
 */
final class GatheringChannel implements ByteChannel {
  static final int MAX_GATHERED = 64;

  private final SocketChannel channel;
  private final WebSocketImpl connection;
  private final ByteBuffer[] scratch;

  GatheringChannel(SocketChannel channel, WebSocketImpl connection, ByteBuffer[] scratch) {
    this.channel = channel;
    this.connection = connection;
    this.scratch = scratch;
  }

  @Override
  public int write(ByteBuffer head) throws IOException {
    if (!head.hasRemaining()) {
      return 0; // sent by an earlier gathering write
    }
    int count = 0;
    for (ByteBuffer queued : connection.outQueue) {
      if (count == 0 && queued != head) {
        return channel.write(head); // not draining the queue: write just what was asked
      }
      scratch[count++] = queued;
      if (count == MAX_GATHERED) {
        break;
      }
    }
    if (count <= 1) {
      Arrays.fill(scratch, 0, count, null);
      return channel.write(head);
    }
    try {
      long written = channel.write(scratch, 0, count);
      return (int) Math.min(written, Integer.MAX_VALUE);
    } finally {
      Arrays.fill(scratch, 0, count, null);
    }
  }

  @Override
  public int read(ByteBuffer target) throws IOException {
    return channel.read(target);
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
