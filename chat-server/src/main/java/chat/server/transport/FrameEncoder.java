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
  private final ProtocolCodec codec;
  private final Draft_6455 framing = new Draft_6455();

  FrameEncoder(ProtocolCodec codec) {
    this.codec = codec;
  }

  ByteBuffer encode(ServerMessage message) {
    TextFrame frame = new TextFrame();
    frame.setPayload(ByteBuffer.wrap(codec.encode(message).getBytes(StandardCharsets.UTF_8)));
    return framing.createBinaryFrame(frame);
  }
}
