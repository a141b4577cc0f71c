package chat.protocol.testing;

import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * Decodes the server's text frames into the inbox and tells it how the connection ended. Reads one frame at a
 * time and asks for the next at once: the inbox, not the socket, is where frames wait for the test.
 */
final class DecodingListener implements WebSocket.Listener {
  private static final ProtocolCodec CODEC = new ProtocolCodec();

  private final Inbox inbox;
  private final StringBuilder partial = new StringBuilder();

  DecodingListener(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String frame = partial.toString();
      partial.setLength(0);
      try {
        inbox.add(CODEC.decodeServer(frame));
      } catch (ProtocolException e) {
        inbox.undecodable(FrameListing.abbreviate(frame) + " (" + e.getMessage() + ")");
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    inbox.undecodable("a binary frame of " + data.remaining() + " bytes (the protocol is JSON text only)");
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    // Answer the close at once, as browsers do, before anyone is told: from then on nothing can be sent.
    if (!webSocket.isOutputClosed()) {
      webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }
    inbox.closed(new CloseStatus(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    inbox.closed(CloseStatus.abnormal("the connection failed: " + error));
  }
}
