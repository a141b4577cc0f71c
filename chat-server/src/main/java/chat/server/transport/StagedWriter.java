package chat.server.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.Collection;

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
  /**
   * The queue is read as one snapshot under one lock, into this many slots; a longer queue (a slow reader's) is
   * copied into a fresh array instead.
   */
  static final int MAX_FRAMES = 256;

  private final ByteBuffer staging = ByteBuffer.allocateDirect(STAGING_BYTES);
  private final ByteBuffer[] snapshot = new ByteBuffer[MAX_FRAMES];

  /**
   * Writes {@code head} and as many frames queued behind it as fit, returning the bytes written. Each written
   * frame's position moves past what was written of it, as if it had been written on its own.
   */
  int write(WritableByteChannel channel, Collection<ByteBuffer> queue, ByteBuffer head) throws IOException {
    ByteBuffer[] frames = queue.toArray(snapshot);
    try {
      if (head.remaining() > STAGING_BYTES || frames.length == 0 || frames[0] != head) {
        return channel.write(head); // too big to stage, or not the queue's head: write just what was asked
      }
      staging.clear();
      int staged = 0;
      while (staged < frames.length && frames[staged] != null
          && frames[staged].remaining() <= staging.remaining()) {
        stage(frames[staged++]);
      }
      staging.flip();
      int written = channel.write(staging);
      consume(frames, staged, written);
      return written;
    } finally {
      Arrays.fill(snapshot, null);
    }
  }

  private void stage(ByteBuffer frame) {
    int position = frame.position();
    staging.put(frame);
    frame.position(position);
  }

  private static void consume(ByteBuffer[] frames, int staged, int written) {
    int left = written;
    for (int i = 0; i < staged && left > 0; i++) {
      int step = Math.min(frames[i].remaining(), left);
      frames[i].position(frames[i].position() + step);
      left -= step;
    }
  }
}
