package chat.server.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WrappedByteChannel;

/**
 * A connection's socket that writes every frame waiting in the connection's send queue with one gathering
 * {@code write}, not one system call per frame. Java-WebSocket's selector drains a queue by writing its head,
 * removing it once empty and writing the next; here writing the head also writes the frames behind it, so the
 * later calls find them already sent and return at once. On loopback a socket write costs several
 * microseconds of kernel time whatever its size, which made it most of the cost of a delivery.
 *
 * <p>It also gives the selector loop the step it lacks: Java-WebSocket 1.6.0 never removes a key that was only
 * writable from the selected-key set, so every connection once written to is visited again on every later
 * pass (O(connections) per pass, and the visits write deferred frames early). After a read this channel asks
 * for a "read more"; the library calls that once its pass over the keys is done, and there the set is cleared
 * (docs/decisions/0008-deferred-fanout-writes.md), and the writes the pass asked for are done
 * (docs/decisions/0009-selector-thread-handles-and-writes.md). Nothing is ever read in that call.
 */
final class GatheringChannel implements WrappedByteChannel {
  static final int MAX_GATHERED = 64;

  private final SocketChannel channel;
  private final WebSocketImpl connection;
  private final ByteBuffer[] scratch;
  private final PassEndWrites passWrites;

  /** {@code passWrites} is told when a pass in which this channel read data ends, and before each write. */
  GatheringChannel(SocketChannel channel, WebSocketImpl connection, ByteBuffer[] scratch,
      PassEndWrites passWrites) {
    this.channel = channel;
    this.connection = connection;
    this.scratch = scratch;
    this.passWrites = passWrites;
  }

  @Override
  public int write(ByteBuffer head) throws IOException {
    if (!head.hasRemaining()) {
      return 0; // sent by an earlier gathering write
    }
    passWrites.writeStarting(connection);
    // One snapshot under the queue's lock; iterating would take that lock once per frame.
    ByteBuffer[] queued = connection.outQueue.toArray(scratch);
    try {
      if (queued.length == 0 || queued[0] != head) {
        return channel.write(head); // not draining the queue: write just what was asked
      }
      int count = 1;
      while (count < queued.length && count < MAX_GATHERED && queued[count] != null) {
        count++;
      }
      if (count == 1) {
        return channel.write(head);
      }
      long written = channel.write(queued, 0, count);
      return (int) Math.min(written, Integer.MAX_VALUE);
    } finally {
      Arrays.fill(scratch, null);
    }
  }

  private boolean clearAfterPass;

  @Override
  public int read(ByteBuffer target) throws IOException {
    int read = channel.read(target);
    clearAfterPass = read > 0;
    return read;
  }

  /** Asked right after a read that got data: yes, so that {@link #readMore} runs after the pass. */
  @Override
  public boolean isNeedRead() {
    return clearAfterPass;
  }

  /**
   * Runs on the selector thread after its pass over the selected keys: everything left there is stale, and what
   * the pass queued is written now ({@link PassEndWrites}).
   */
  @Override
  public int readMore(ByteBuffer target) {
    clearAfterPass = false;
    SelectionKey key = connection.getSelectionKey();
    if (key != null) {
      key.selector().selectedKeys().clear();
    }
    passWrites.passEnded();
    return 0;
  }

  /**
   * Asked by the selector after it found this connection's queue empty: yes when the selector was woken to end a
   * pass ({@link PassEndWrites#wake}) and has not yet, so that {@link #writeMore} does it.
   */
  @Override
  public boolean isNeedWrite() {
    return passWrites.isWoken();
  }

  @Override
  public void writeMore() {
    passWrites.writeStarting(connection);
  }

  @Override
  public boolean isBlocking() {
    return channel.isBlocking();
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
