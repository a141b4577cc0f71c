package chat.server.transport;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the bytes waiting to be written to one connection under a cap. The library's send queue is unbounded and
 * exposes no byte count, so the queue is measured, but only after every {@code max / 8} bytes queued: the cost is
 * amortised to a few buffer visits per message, never a full scan per message per recipient, and the queue can
 * grow past the cap by at most that step before it is caught.
 */
final class SendBudget {
  private final long maxBytes;
  private final long checkEvery;
  private final AtomicLong queuedSinceCheck = new AtomicLong();

  SendBudget(long maxBytes) {
    this.maxBytes = maxBytes;
    this.checkEvery = Math.max(1, maxBytes / 8);
  }

  /** Called after {@code bytes} were queued; true when the queue now holds more than the cap. */
  boolean exceededAfter(long bytes, Queue<ByteBuffer> queue) {
    if (queuedSinceCheck.addAndGet(bytes) < checkEvery) {
      return false;
    }
    queuedSinceCheck.set(0);
    long waiting = 0;
    for (ByteBuffer buffer : queue) {
      waiting += buffer.remaining();
      if (waiting > maxBytes) {
        return true;
      }
    }
    return false;
  }
}
