package chat.desktop.net;

/**
 * A request the server refused (its ack carried an error) or that could not complete (offline, timed out).
 * The message is written for the user to read.
 */
public final class RequestFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RequestFailedException(String message) {
    super(message, null, false, false);
  }

  /** The user-readable reason behind a failed future, unwrapping the completion wrappers. */
  public static String reasonOf(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof java.util.concurrent.CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RequestFailedException) {
      return cause.getMessage();
    }
    if (cause instanceof java.util.concurrent.TimeoutException) {
      return "The server did not answer in time";
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
