package chat.server.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WrappedByteChannel;

/**
 * A connection's socket that writes every frame waiting in the connection's send queue with one {@code write}
 * ({@link StagedWriter}), not one system call per frame. Java-WebSocket's selector drains a queue by writing its head,
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
  private final SocketChannel channel;
  private final WebSocketImpl connection;
  private final StagedWriter writer;
  private final PassEndWrites passWrites;

  /** {@code passWrites} is told when a pass in which this channel read data ends, and before each write. */
  GatheringChannel(SocketChannel channel, WebSocketImpl connection, StagedWriter writer,
      PassEndWrites passWrites) {
    this.channel = channel;
    this.connection = connection;
    this.writer = writer;
    this.passWrites = passWrites;
  }

  @Override
  public int write(ByteBuffer head) throws IOException {
    if (!head.hasRemaining()) {
      return 0; // sent by an earlier gathering write
    }
    passWrites.writeStarting(connection);
    return writer.write(channel, connection.outQueue, head);
  }

  private boolean clearAfterPass;

  @Override
  public int read(ByteBuffer target) throws IOException {
    int read = channel.read(target);
    // One connection per pass is enough to get the call after the pass; each one more costs a buffer round trip.
    clearAfterPass = read > 0 && passWrites.claimPassEnd();
    return read;
  }

  /** Asked right after a read that got data: yes (once per pass), so that {@link #readMore} runs after it. */
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
