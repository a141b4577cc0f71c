package chat.server.room;

import chat.protocol.ErrorCode;

/** A request the rules refuse; its rejection goes back to the sender in its ack. */
final class ValidationException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Rejection rejection;

  ValidationException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.rejection = new Rejection(code, message);
  }

  Rejection rejection() {
    return rejection;
  }
}
