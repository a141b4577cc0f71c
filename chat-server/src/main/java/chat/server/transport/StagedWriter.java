package chat.server.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Iterator;

/**
 * Writes a connection's queued frames with one system call: the frames are copied into one direct buffer and
 * written from there. Handing the JDK a gathering write of heap buffers costs more: it copies each frame into a
 * temporary direct buffer of its own (allocating a fresh one beyond its small per-thread cache), and the kernel
 * then walks one segment per frame. Copying a chat frame takes nanoseconds. Used by the selector thread only,
 * so one instance serves every connection.
 */
final class StagedWriter {
  /** Frames are staged up to this many bytes per write; a bigger frame is written on its own. */
  static final int STAGING_BYTES = 64 * 1024;

  private final ByteBuffer staging = ByteBuffer.allocateDirect(STAGING_BYTES);

  /**
   * Writes {@code head} and as many frames queued behind it as fit, returning the bytes written. Each written
   * frame's position moves past what was written of it, as if it had been written on its own.
   */
  int write(WritableByteChannel channel, Iterable<ByteBuffer> queue, ByteBuffer head) throws IOException {
    Iterator<ByteBuffer> frames = queue.iterator();
    if (head.remaining() > STAGING_BYTES || !frames.hasNext() || frames.next() != head) {
      return channel.write(head); // too big to stage, or not the queue's head: write just what was asked
    }
    staging.clear();
    stage(head);
    while (frames.hasNext()) {
      ByteBuffer next = frames.next();
      if (next.remaining() > staging.remaining()) {
        break;
      }
      stage(next);
    }
    staging.flip();
    int written = channel.write(staging);
    consume(queue, written);
    return written;
  }

  private void stage(ByteBuffer frame) {
    int position = frame.position();
    staging.put(frame);
    frame.position(position);
  }

  private static void consume(Iterable<ByteBuffer> queue, int written) {
    int left = written;
    for (Iterator<ByteBuffer> frames = queue.iterator(); left > 0 && frames.hasNext(); ) {
      ByteBuffer frame = frames.next();
      int step = Math.min(frame.remaining(), left);
      frame.position(frame.position() + step);
      left -= step;
    }
  }
}
