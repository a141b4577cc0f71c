package chat.bench.ws;

import java.util.Arrays;

/**
 * Splits received bytes into server frames (never masked), answers pings, and hands complete text messages to
 * the client. Fragmented messages (rare: neither server fragments small frames) are reassembled aside.
 */
final class FrameReader {
  private static final int OP_CONTINUATION = 0x0;
  private static final int OP_TEXT = 0x1;
  private static final int OP_CLOSE = 0x8;
  private static final int OP_PING = 0x9;

  private final WsClient client;
  private byte[] fragments;
  private int fragmentsLength;

  FrameReader(WsClient client) {
    this.client = client;
  }

  /** Handles every complete frame in {@code bytes[pos, end)}; returns where the first incomplete one starts. */
  int readFrames(byte[] bytes, int pos, int end) {
    while (end - pos >= 2 && client.isOpen()) {
      int first = bytes[pos] & 0xff;
      int second = bytes[pos + 1] & 0xff;
      long length = second & 0x7f;
      int header = 2;
      if (length == 126) {
        if (end - pos < 4) {
          break;
        }
        length = ((bytes[pos + 2] & 0xff) << 8) | (bytes[pos + 3] & 0xff);
        header = 4;
      } else if (length == 127) {
        if (end - pos < 10) {
          break;
        }
        length = 0;
        for (int i = 2; i < 10; i++) {
          length = (length << 8) | (bytes[pos + i] & 0xff);
        }
        header = 10;
      }
      if (end - pos - header < length) {
        break;
      }
      int payload = pos + header;
      frame(first, bytes, payload, (int) length);
      pos = payload + (int) length;
    }
    return pos;
  }

  private void frame(int first, byte[] bytes, int offset, int length) {
    boolean fin = (first & 0x80) != 0;
    int opcode = first & 0x0f;
    if (opcode == OP_TEXT && fin) {
      client.deliverText(bytes, offset, length);
    } else if (opcode == OP_TEXT || opcode == OP_CONTINUATION) {
      appendFragment(bytes, offset, length);
      if (fin) {
        client.deliverText(fragments, 0, fragmentsLength);
        fragments = null;
        fragmentsLength = 0;
      }
    } else if (opcode == OP_PING) {
      client.send(FrameWriter.OP_PONG, bytes, offset, length);
    } else if (opcode == OP_CLOSE) {
      client.onServerClose();
    }
  }

  private void appendFragment(byte[] bytes, int offset, int length) {
    if (fragments == null) {
      fragments = new byte[Math.max(1024, length)];
    } else if (fragments.length < fragmentsLength + length) {
      fragments = Arrays.copyOf(fragments, Math.max(fragments.length * 2, fragmentsLength + length));
    }
    System.arraycopy(bytes, offset, fragments, fragmentsLength, length);
    fragmentsLength += length;
  }
}
