package chat.server.room;

/** A request the rules refuse; the message goes back to the sender in its ack. */
final class ValidationException extends Exception {
  private static final long serialVersionUID = 1L;

  ValidationException(String message) {
    super(message, null, false, false);
  }
}
