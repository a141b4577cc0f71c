package chat.bench.ws;

import java.nio.ByteBuffer;

/**
 * Builds masked client frames (RFC 6455 5.3) into one reused buffer. Loop thread only. The masks come from a
 * cheap xorshift: servers must unmask but cannot tell a good key from a bad one, and this is a load generator.
 */
final class FrameWriter {
  static final int OP_TEXT = 0x1;
  static final int OP_CLOSE = 0x8;
  static final int OP_PONG = 0xA;

  private byte[] frame = new byte[4096];
  private long seed = 0x9E3779B97F4A7C15L;

  /** The whole frame, ready to write; valid until the next call. */
  ByteBuffer build(int opcode, byte[] payload, int offset, int length) {
    ensure(length + 14);
    int pos = 0;
    frame[pos++] = (byte) (0x80 | opcode);
    if (length < 126) {
      frame[pos++] = (byte) (0x80 | length);
    } else if (length < 65536) {
      frame[pos++] = (byte) (0x80 | 126);
      frame[pos++] = (byte) (length >>> 8);
      frame[pos++] = (byte) length;
    } else {
      frame[pos++] = (byte) (0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame[pos++] = (byte) ((long) length >>> shift);
      }
    }
    int mask = nextMask();
    int maskAt = pos;
    for (int i = 0; i < 4; i++) {
      frame[pos++] = (byte) (mask >>> (24 - 8 * i));
    }
    for (int i = 0; i < length; i++) {
      frame[pos + i] = (byte) (payload[offset + i] ^ frame[maskAt + (i & 3)]);
    }
    return ByteBuffer.wrap(frame, 0, pos + length);
  }

  private int nextMask() {
    seed ^= seed << 13;
    seed ^= seed >>> 7;
    seed ^= seed << 17;
    return (int) seed;
  }

  private void ensure(int size) {
    if (frame.length < size) {
      frame = new byte[Math.max(size, frame.length * 2)];
    }
  }
}
