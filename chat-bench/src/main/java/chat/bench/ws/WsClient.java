package chat.bench.ws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One WebSocket client connection, driven by its {@link WsLoop}; every method runs on the loop thread. Holds
 * no buffers while idle: a partial frame is copied aside only when a read ends in the middle of one.
 */
public final class WsClient {
  private enum State { CONNECTING, HANDSHAKE, OPEN, CLOSED }

  private final WsLoop loop;
  private final InetSocketAddress address;
  private final String path;
  private final FrameHandler handler;
  private final FrameReader reader = new FrameReader(this);
  private SocketChannel channel;
  private SelectionKey key;
  private State state = State.CONNECTING;
  private byte[] partial;
  private int partialLength;
  private ArrayDeque<ByteBuffer> unsent;
  private long readNanos;
  private Object attachment;

  WsClient(WsLoop loop, InetSocketAddress address, String path, FrameHandler handler) {
    this.loop = loop;
    this.address = address;
    this.path = path;
    this.handler = handler;
  }

  /** Whatever the caller wants to keep with this connection. */
  public Object attachment() {
    return attachment;
  }

  public void attachment(Object value) {
    attachment = value;
  }

  /** {@link System#nanoTime()} when the bytes being handled were read. */
  public long readNanos() {
    return readNanos;
  }

  public boolean isOpen() {
    return state == State.OPEN;
  }

  public void sendText(byte[] payload, int offset, int length) {
    send(FrameWriter.OP_TEXT, payload, offset, length);
  }

  void attach(SocketChannel channel, SelectionKey key) {
    this.channel = channel;
    this.key = key;
  }

  void onConnectable() {
    try {
      if (!channel.finishConnect()) {
        return;
      }
      key.interestOps(SelectionKey.OP_READ);
      state = State.HANDSHAKE;
      byte[] request = Handshake.request(address, path).getBytes(StandardCharsets.US_ASCII);
      writeRaw(ByteBuffer.wrap(request));
    } catch (IOException e) {
      fail("connect: " + e.getMessage());
    }
  }

  void onReadable() {
    ByteBuffer buffer = loop.readBuffer();
    buffer.clear();
    if (partialLength > 0) {
      buffer.put(partial, 0, partialLength);
      partialLength = 0;
    }
    int read;
    try {
      read = channel.read(buffer);
    } catch (IOException e) {
      fail("read: " + e.getMessage());
      return;
    }
    if (read < 0) {
      fail("closed by server");
      return;
    }
    readNanos = System.nanoTime();
    consume(buffer.array(), buffer.position(), buffer.capacity());
  }

  private void consume(byte[] bytes, int end, int capacity) {
    int pos = 0;
    if (state == State.HANDSHAKE) {
      int body = Handshake.responseEnd(bytes, end);
      if (body < 0) {
        keepPartial(bytes, 0, end, capacity);
        return;
      }
      if (!Handshake.isSwitchingProtocols(bytes, body)) {
        fail("handshake refused: " + Handshake.statusLine(bytes, body));
        return;
      }
      state = State.OPEN;
      handler.onOpen(this);
      pos = body;
    }
    if (state == State.OPEN) {
      pos = reader.readFrames(bytes, pos, end);
      if (state == State.OPEN) {
        keepPartial(bytes, pos, end, capacity);
      }
    }
  }

  private void keepPartial(byte[] bytes, int from, int end, int capacity) {
    int length = end - from;
    if (length == 0) {
      return;
    }
    if (length >= capacity) {
      fail("frame larger than the read buffer (" + capacity + " bytes)");
      return;
    }
    if (partial == null || partial.length < length) {
      partial = new byte[Math.max(length, 256)];
    }
    System.arraycopy(bytes, from, partial, 0, length);
    partialLength = length;
    if (partial.length > 65536 && length < 4096) {
      partial = Arrays.copyOf(partial, 4096); // give back a big buffer once a big frame is through
    }
  }

  void deliverText(byte[] bytes, int offset, int length) {
    handler.onText(this, bytes, offset, length);
  }

  void send(int opcode, byte[] payload, int offset, int length) {
    if (state != State.OPEN) {
      return;
    }
    writeRaw(loop.writer().build(opcode, payload, offset, length));
  }

  private void writeRaw(ByteBuffer frame) {
    try {
      if (unsent == null || unsent.isEmpty()) {
        channel.write(frame);
        if (!frame.hasRemaining()) {
          return;
        }
      }
      if (unsent == null) {
        unsent = new ArrayDeque<>();
      }
      ByteBuffer copy = ByteBuffer.allocate(frame.remaining());
      copy.put(frame).flip();
      unsent.add(copy);
      key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    } catch (IOException e) {
      fail("write: " + e.getMessage());
    }
  }

  void onWritable() {
    try {
      while (!unsent.isEmpty()) {
        ByteBuffer head = unsent.peek();
        channel.write(head);
        if (head.hasRemaining()) {
          return;
        }
        unsent.poll();
      }
      key.interestOps(SelectionKey.OP_READ);
    } catch (IOException e) {
      fail("write: " + e.getMessage());
    }
  }

  void onServerClose() {
    byte[] none = new byte[0];
    send(FrameWriter.OP_CLOSE, none, 0, 0);
    fail("close frame from server");
  }

  void fail(String reason) {
    if (state == State.CLOSED) {
      return;
    }
    closeChannel();
    handler.onClosed(this, reason);
  }

  /** Closes the connection without telling the handler. */
  public void close() {
    if (state != State.CLOSED) {
      closeChannel();
    }
  }

  private void closeChannel() {
    state = State.CLOSED;
    partial = null;
    unsent = null;
    try {
      if (key != null) {
        key.cancel();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // the socket is being dropped either way
    }
  }
}
