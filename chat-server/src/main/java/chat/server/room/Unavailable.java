package chat.server.room;

/**
 * A seam's shared state did not answer in time (in cluster mode: Redis is down or stalled). The request that
 * needed it gets an ack error with code {@code unavailable}; nothing was changed.
 */
public final class Unavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Unavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
