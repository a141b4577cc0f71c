package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagedWriterTest {
  private final StagedWriter writer = new StagedWriter();

  @Test
  void theHeadAndTheFramesBehindItLeaveInOneWrite() throws Exception {
    Socket socket = new Socket(Integer.MAX_VALUE);
    List<ByteBuffer> queue = frames("one", "two", "three");

    int written = writer.write(socket, queue, queue.get(0));

    assertEquals(11, written);
    assertEquals(1, socket.writes);
    assertEquals("onetwothree", socket.received());
    queue.forEach(frame -> assertEquals(0, frame.remaining()));
  }

  @Test
  void aPartialWriteMovesEachFrameOnByWhatLeftOfIt() throws Exception {
    Socket socket = new Socket(5);
    List<ByteBuffer> queue = frames("one", "two", "three");

    writer.write(socket, queue, queue.get(0));

    assertEquals("onetw", socket.received());
    assertEquals(List.of(0, 1, 5), queue.stream().map(ByteBuffer::remaining).toList());
  }

  @Test
  void aFrameBiggerThanTheStagingBufferIsWrittenOnItsOwn() throws Exception {
    Socket socket = new Socket(Integer.MAX_VALUE);
    List<ByteBuffer> queue = List.of(ByteBuffer.allocate(StagedWriter.STAGING_BYTES + 1), frame("next"));

    int written = writer.write(socket, queue, queue.get(0));

    assertEquals(StagedWriter.STAGING_BYTES + 1, written);
    assertEquals(4, queue.get(1).remaining(), "the next frame waits for the next call");
  }

  @Test
  void framesThatNoLongerFitWaitForTheNextWrite() throws Exception {
    Socket socket = new Socket(Integer.MAX_VALUE);
    ByteBuffer big = ByteBuffer.allocate(StagedWriter.STAGING_BYTES - 2);
    List<ByteBuffer> queue = List.of(big, frame("tail"));

    writer.write(socket, queue, big);

    assertEquals(0, big.remaining());
    assertEquals(4, queue.get(1).remaining());
  }

  @Test
  void aBufferThatIsNotTheQueuesHeadIsWrittenAlone() throws Exception {
    Socket socket = new Socket(Integer.MAX_VALUE);
    List<ByteBuffer> queue = frames("queued");
    ByteBuffer other = frame("other");

    writer.write(socket, queue, other);

    assertEquals("other", socket.received());
    assertEquals(6, queue.get(0).remaining());
  }

  private static List<ByteBuffer> frames(String... texts) {
    return java.util.Arrays.stream(texts).map(StagedWriterTest::frame).toList();
  }

  private static ByteBuffer frame(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }

  /** A socket that takes at most {@code capacity} bytes per write and counts its writes. */
  private static final class Socket implements WritableByteChannel {
    private final int capacity;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int writes;

    Socket(int capacity) {
      this.capacity = capacity;
    }

    @Override
    public int write(ByteBuffer source) {
      writes++;
      int count = Math.min(capacity, source.remaining());
      byte[] taken = new byte[count];
      source.get(taken);
      bytes.write(taken, 0, count);
      return count;
    }

    String received() {
      return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
