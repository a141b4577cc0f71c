package chat.server.store;

/** The store could not do what was asked; the message is one sentence for a person (an operator or a log). */
public final class StoreException extends Exception {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
