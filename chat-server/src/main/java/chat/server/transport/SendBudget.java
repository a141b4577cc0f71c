package chat.server.transport;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the bytes waiting to be written to one connection under a cap. The library's send queue is unbounded and
 * exposes no byte count, so the queue is measured, but only after every {@code max / 8} bytes queued: the cost is
 * amortised to a few buffer visits per message, never a full scan per message per recipient, and the queue can
 * grow past the cap by at most that step before it is caught. Frames the client asked for in bulk (a history)
 * are exempt: they do not count while they wait.
 */
final class SendBudget {
  private final long maxBytes;
  private final long checkEvery;
  private final AtomicLong queuedSinceCheck = new AtomicLong();
  private final Set<ByteBuffer> exempt = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  SendBudget(long maxBytes) {
    this.maxBytes = maxBytes;
    this.checkEvery = Math.max(1, maxBytes / 8);
  }

  /** The frame, once queued, does not count against the cap; it is forgotten once written. */
  void exempt(ByteBuffer frame) {
    exempt.add(frame);
  }

  /** Called after {@code bytes} were queued; true when the queue now holds more than the cap. */
  boolean exceededAfter(long bytes, Queue<ByteBuffer> queue) {
    if (queuedSinceCheck.addAndGet(bytes) < checkEvery) {
      return false;
    }
    queuedSinceCheck.set(0);
    if (!exempt.isEmpty()) {
      exempt.removeIf(frame -> !frame.hasRemaining());
    }
    long waiting = 0;
    for (ByteBuffer buffer : queue) {
      if (!exempt.isEmpty() && exempt.contains(buffer)) {
        continue;
      }
      waiting += buffer.remaining();
      if (waiting > maxBytes) {
        return true;
      }
    }
    return false;
  }
}
