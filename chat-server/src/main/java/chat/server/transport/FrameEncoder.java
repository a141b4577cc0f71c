package chat.server.transport;

import chat.protocol.ProtocolCodec;
import chat.protocol.ServerMessage;
import java.nio.ByteBuffer;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;

/**
 * Turns a server message into the bytes of one unmasked text frame, ready for any connection's send queue.
 * Thread-safe: building server frames uses none of the draft's mutable state.
 */
final class FrameEncoder {
  private final ProtocolCodec codec;
  private final Draft_6455 framing = new Draft_6455();

  FrameEncoder(ProtocolCodec codec) {
    this.codec = codec;
  }

  ByteBuffer encode(ServerMessage message) {
    Framedata frame = framing.createFrames(codec.encode(message), false).get(0);
    return framing.createBinaryFrame(frame);
  }
}
