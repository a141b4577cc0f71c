package chat.server.transport;

import java.util.Collections;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * RFC 6455 framing with one size limit for a whole message, however it is fragmented. The library's frame limit
 * alone refuses a frame whose header declares more than the limit before allocating it (upstream #1507), but lets
 * any number of continuation frames pile up (#1508); this class counts those. Over the limit the connection is
 * closed with 1009 (message too big). The library copies its draft for every connection through
 * {@link #copyInstance()}, so each connection gets its own count.
 */
final class MessageSizeLimitDraft extends Draft_6455 {
  private final int maxMessageBytes;
  /** Payload bytes of the fragmented message being received; touched only by this connection's decoder. */
  private long fragmentedBytes;

  MessageSizeLimitDraft(int maxMessageBytes) {
    super(Collections.emptyList(), Collections.<IProtocol>singletonList(new Protocol("")), maxMessageBytes);
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public Draft copyInstance() {
    return new MessageSizeLimitDraft(maxMessageBytes);
  }

  @Override
  public void processFrame(WebSocketImpl connection, Framedata frame) throws InvalidDataException {
    Opcode opcode = frame.getOpcode();
    boolean dataFrame = opcode == Opcode.TEXT || opcode == Opcode.BINARY;
    if (opcode == Opcode.CONTINUOUS) {
      fragmentedBytes += frame.getPayloadData().remaining();
    } else if (dataFrame && !frame.isFin()) {
      fragmentedBytes = frame.getPayloadData().remaining();
    }
    if (fragmentedBytes > maxMessageBytes) {
      fragmentedBytes = 0;
      throw new LimitExceededException("Message larger than " + maxMessageBytes + " bytes", maxMessageBytes);
    }
    super.processFrame(connection, frame);
    if (opcode == Opcode.CONTINUOUS && frame.isFin()) {
      fragmentedBytes = 0;
    }
  }

  @Override
  public void reset() {
    super.reset();
    fragmentedBytes = 0;
  }
}
