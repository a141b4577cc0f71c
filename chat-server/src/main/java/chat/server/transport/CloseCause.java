package chat.server.transport;

import chat.server.metrics.CloseReason;
import org.java_websocket.framing.CloseFrame;

/** Why a connection ended, for the metrics: the server's own reason when it chose to close, else the close code. */
final class CloseCause {
  private CloseCause() {}

  /**
   * {@code chosen}: the reason the server gave when it decided to close (slow consumer, flooding, join timeout,
   * seat taken over), or null. {@code remote}: the client sent the close frame.
   */
  static CloseReason of(int code, boolean remote, boolean shuttingDown, CloseReason chosen) {
    if (chosen != null) {
      return chosen;
    }
    if (shuttingDown) {
      return CloseReason.SHUTDOWN;
    }
    if (code == CloseFrame.ABNORMAL_CLOSE) {
      return CloseReason.DROPPED;
    }
    if (remote) {
      return CloseReason.CLIENT;
    }
    return code == CloseFrame.TOOBIG ? CloseReason.TOO_BIG : CloseReason.OTHER;
  }
}
