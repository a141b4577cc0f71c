package chat.server.transport;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes what a connection received on the selector thread that read it, instead of handing it to
 * Java-WebSocket's decoder thread. Handling a chat frame takes microseconds; the hand-off (a blocking queue, a
 * thread wake-up, and the same again to get the reply written) cost more than the handling, and with one core it
 * is a context switch each way. The library's read buffers come from a pool that only its decoder threads refill,
 * through a private method, so that method is looked up once here and called to give each buffer back
 * (docs/decisions/0009-selector-thread-handles-and-writes.md).
 */
final class InlineDecoder {
  private static final Logger log = LoggerFactory.getLogger(InlineDecoder.class);

  private final WebSocketServer server;
  private final MethodHandle returnBuffer;
  private final PassEndWrites writes;
  private final Runnable unexpectedError;

  InlineDecoder(WebSocketServer server, PassEndWrites writes, Runnable unexpectedError) {
    this.server = server;
    this.writes = writes;
    this.unexpectedError = unexpectedError;
    this.returnBuffer = bufferReturn();
  }

  private static MethodHandle bufferReturn() {
    try {
      return MethodHandles.privateLookupIn(WebSocketServer.class, MethodHandles.lookup())
          .findVirtual(WebSocketServer.class, "pushBuffer", MethodType.methodType(void.class, ByteBuffer.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("This Java-WebSocket version has no WebSocketServer.pushBuffer(ByteBuffer);"
          + " the server was written against 1.6.0", e);
    }
  }

  /** Decodes the connection's oldest received buffer (the library queued it just before calling this). */
  void decodeQueued(WebSocketImpl connection) throws InterruptedException {
    ByteBuffer buffer = connection.inQueue.poll();
    if (buffer == null) {
      return;
    }
    try {
      writes.collecting(() -> connection.decode(buffer));
    } catch (RuntimeException e) {
      // The library already turns handler failures into onError; this is a failure of the library itself.
      unexpectedError.run();
      log.error("Decoding a frame from {} failed; closing it", connection.getRemoteSocketAddress(), e);
      connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "Server error");
    } finally {
      giveBack(buffer);
    }
  }

  private void giveBack(ByteBuffer buffer) throws InterruptedException {
    try {
      returnBuffer.invokeExact(server, buffer);
    } catch (InterruptedException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e); // pushBuffer declares only InterruptedException
    }
  }
}
