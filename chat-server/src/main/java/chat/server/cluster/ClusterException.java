package chat.server.cluster;

/** Cluster mode cannot start; the message is one sentence for the operator. */
public final class ClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
