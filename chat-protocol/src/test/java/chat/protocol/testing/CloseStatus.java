package chat.protocol.testing;

/**
 * How a connection ended: the close code and reason the server sent, or 1006 (no close frame) with what went
 * wrong when the connection broke or this client cut it.
 */
public record CloseStatus(int code, String reason) {
  /** RFC 6455's code for a connection that ended without a close frame; never sent on the wire. */
  public static final int ABNORMAL = 1006;

  static CloseStatus abnormal(String what) {
    return new CloseStatus(ABNORMAL, what);
  }

  @Override
  public String toString() {
    return code + (reason == null || reason.isEmpty() ? "" : " \"" + reason + "\"");
  }
}
