package chat.bench.scenario;

/**
 * A scenario's reaction to what its users hear, on the loop thread: acks of requests other than the setup's
 * joins, benchmark messages ("b ..." texts) and, for the scenarios that need them, other texts, histories and
 * reconnected connections.
 */
interface Traffic {
  /** {@code id}: the id a protocol v2 send's ack carries, or -1. */
  void onAck(Peer peer, long ref, boolean ok, long id);

  /** {@code id}: the message's id in its room (protocol v2), or -1. */
  void onBenchMessage(Peer peer, long id, byte[] bytes, int textOffset, int textLength, long readNanos);

  /** Any other text: a system notice ({@code id} as above) or the Welcome! (-1). */
  default void onOtherText(Peer peer, long id, byte[] bytes, int textOffset, int textLength) {}

  /** A protocol v2 history frame, whole (see {@link chat.bench.protocol.HistoryFrame}). */
  default void onHistory(Peer peer, byte[] bytes, int offset, int length, long readNanos) {}

  /** A connection {@link Fleet#connect} opened again, for a peer whose previous one is gone, finished its handshake. */
  default void onReconnected(Peer peer) {}

  /** A connection the server ended; true when the traffic expected it (its node was killed), else a failure. */
  default boolean onClosed(Peer peer, String reason) {
    return false;
  }
}
