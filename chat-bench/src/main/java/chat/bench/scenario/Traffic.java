package chat.bench.scenario;

/** A scenario's reaction to message acks and benchmark messages ("b ..." texts), on the loop thread. */
interface Traffic {
  void onAck(Peer peer, long ref, boolean ok);

  void onBenchMessage(Peer peer, byte[] bytes, int textOffset, int textLength, long readNanos);
}
