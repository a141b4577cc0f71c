package chat.desktop.net;

import chat.protocol.ErrorCode;

/**
 * A request the server refused (its ack carried an error, and then its machine-readable {@code code} and, for a
 * sender over its rate, {@code retryAfterMs}) or that could not complete (offline, lost, timed out: no code).
 * The message is written for the user to read; decisions are taken on the code only.
 */
public final class RequestFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final Long retryAfterMs;
  private final boolean refused;

  /** A request that did not reach an answer: the server may or may not have acted on it. */
  public RequestFailedException(String message) {
    this(message, null, null, false);
  }

  private RequestFailedException(String message, ErrorCode code, Long retryAfterMs, boolean refused) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfterMs = retryAfterMs;
    this.refused = refused;
  }

  /** The server's refusal, as its ack said it. */
  public static RequestFailedException refused(String message, ErrorCode code, Long retryAfterMs) {
    return new RequestFailedException(message, code, retryAfterMs, true);
  }

  /** The ack's code, or null: no ack, an older server, or a code this version does not know. */
  public ErrorCode code() {
    return code;
  }

  /** How long the server asked to wait before trying again, or null. */
  public Long retryAfterMs() {
    return retryAfterMs;
  }

  /** True when the server answered with a refusal; false when the request got no answer. */
  public boolean refusedByServer() {
    return refused;
  }

  /** The failure behind a failed future as this exception; any other failure counts as one without an answer. */
  public static RequestFailedException of(Throwable failure) {
    Throwable cause = unwrap(failure);
    return cause instanceof RequestFailedException known ? known : new RequestFailedException(reasonOf(cause));
  }

  /** The user-readable reason behind a failed future, unwrapping the completion wrappers. */
  public static String reasonOf(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RequestFailedException) {
      return cause.getMessage();
    }
    if (cause instanceof java.util.concurrent.TimeoutException) {
      return "The server did not answer in time";
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof java.util.concurrent.CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
