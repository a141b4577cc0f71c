package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ProtocolCodec;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {
  private final FrameEncoder frames = new FrameEncoder(new ProtocolCodec());

  @Test
  void theSameMessageSharesOneFrameThroughIndependentReadOnlyViews() {
    ServerMessage message = new ChatMessage(1L, "Alice", "hi", 0, false);
    ByteBuffer first = frames.encodeShared(message);
    ByteBuffer second = frames.encodeShared(message);

    assertTrue(first.isReadOnly());
    assertNotSame(first, second);
    first.get(new byte[first.remaining()]);
    assertEquals(frames.encode(message), second, "reading one view leaves the other whole");
  }

  @Test
  void anotherMessageIsEncodedAfresh() {
    ServerMessage hi = new ChatMessage(1L, "Alice", "hi", 0, false);
    ServerMessage bye = new ChatMessage(2L, "Alice", "bye", 0, false);
    frames.encodeShared(hi);

    assertEquals(frames.encode(bye), frames.encodeShared(bye));
    assertEquals(frames.encode(hi), frames.encodeShared(hi));
  }
}
