package chat.desktop.chat;

import chat.desktop.net.RequestFailedException;
import chat.protocol.ErrorCode;

/**
 * What to do after a send failed, decided on the ack's code only: send again later (no answer, or the server
 * asked to wait), or give up and show the server's reason.
 */
record SendRetry(boolean retry, long afterMs, String reason) {
  /** How long to wait when the server could not save it now, or did not answer while still connected. */
  static final long UNAVAILABLE_WAIT_MS = 1_000;

  static SendRetry after(Throwable failure) {
    RequestFailedException problem = RequestFailedException.of(failure);
    if (!problem.refusedByServer()) {
      return new SendRetry(true, 0, problem.getMessage());
    }
    if (problem.code() == ErrorCode.RATE_LIMITED) {
      long wait = problem.retryAfterMs() == null ? UNAVAILABLE_WAIT_MS : problem.retryAfterMs();
      return new SendRetry(true, wait, problem.getMessage());
    }
    if (problem.code() == ErrorCode.UNAVAILABLE) {
      return new SendRetry(true, UNAVAILABLE_WAIT_MS, problem.getMessage());
    }
    return new SendRetry(false, 0, problem.getMessage());
  }

  /** No answer at all (offline, lost, timed out): the message waits for the connection. */
  boolean unanswered() {
    return retry && afterMs == 0;
  }
}
