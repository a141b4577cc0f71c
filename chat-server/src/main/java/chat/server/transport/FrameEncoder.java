package chat.server.transport;

import chat.protocol.ProtocolCodec;
import chat.protocol.ServerMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.TextFrame;

/**
 * Turns a server message into the bytes of one unmasked text frame, ready for any connection's send queue.
 * The frame is built directly rather than through {@code Draft.createFrames}, which re-validates the UTF-8 of
 * every outgoing text (a 1,000-name user list is 25 KB) although Java's encoder can only produce valid UTF-8.
 * Thread-safe: building server frames uses none of the draft's mutable state.
 */
final class FrameEncoder {
  /** The last message {@link #encodeShared} framed; one immutable pair, so readers never see a torn update. */
  private record Shared(ServerMessage message, ByteBuffer frame) {}

  private final ProtocolCodec codec;
  private final Draft_6455 framing = new Draft_6455();
  private volatile Shared lastShared;

  FrameEncoder(ProtocolCodec codec) {
    this.codec = codec;
  }

  ByteBuffer encode(ServerMessage message) {
    TextFrame frame = new TextFrame();
    frame.setPayload(ByteBuffer.wrap(codec.encode(message).getBytes(StandardCharsets.UTF_8)));
    return framing.createBinaryFrame(frame);
  }

  /**
   * The frame of a message delivered to many peers one call at a time: while the calls are for the same message
   * object, it is encoded once and each call gets its own read-only view of the same bytes. A different message
   * (or a race between two) just encodes again, so this is only an optimisation, never a source of wrong frames.
   */
  ByteBuffer encodeShared(ServerMessage message) {
    Shared shared = lastShared;
    if (shared == null || shared.message() != message) {
      shared = new Shared(message, encode(message).asReadOnlyBuffer());
      lastShared = shared;
    }
    return shared.frame().duplicate();
  }
}
