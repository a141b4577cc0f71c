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
  private record Encoded(ServerMessage message, ByteBuffer frame) {}

  private final ProtocolCodec codec;
  private final Draft_6455 framing = new Draft_6455();
  /** The last room message encoded: a fan-out asks for the same message once per recipient. */
  private volatile Encoded last = new Encoded(null, null);

  FrameEncoder(ProtocolCodec codec) {
    this.codec = codec;
  }

  ByteBuffer encode(ServerMessage message) {
    TextFrame frame = new TextFrame();
    frame.setPayload(ByteBuffer.wrap(codec.encode(message).getBytes(StandardCharsets.UTF_8)));
    return framing.createBinaryFrame(frame);
  }

  /**
   * The frame of a message sent to many connections: encoded on the first call for that message object, then a
   * read-only view of the same bytes for every further recipient (each view has its own position; nobody writes
   * to the bytes). Two threads fanning out at once only cost each other an extra encoding.
   */
  ByteBuffer encodeShared(ServerMessage message) {
    Encoded encoded = last;
    if (encoded.message() != message) {
      encoded = new Encoded(message, encode(message).asReadOnlyBuffer());
      last = encoded;
    }
    return encoded.frame().duplicate();
  }
}
