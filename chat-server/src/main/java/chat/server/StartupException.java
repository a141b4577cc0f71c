package chat.server;

/** The server could not start; the message is one sentence saying what is wrong and which flag to change. */
public final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
