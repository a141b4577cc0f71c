package chat.server.room;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's requests in arrival order. A request that may wait on shared state (in cluster mode: a join's
 * name claim, a departure's release, each a Redis round trip, or a send waiting for a room's lock held across
 * one) runs on a worker instead of the caller's thread (the selector, which must never wait), and every later
 * request of the session queues behind it; when nothing is queued, a request that does not wait runs at once on
 * the caller's thread. The queue has its own lock, held only to queue, never the session's: a worker holds that
 * one while it waits.
 */
final class RequestQueue {
  private static final Logger log = LoggerFactory.getLogger(RequestQueue.class);

  private final ArrayDeque<Runnable> queued = new ArrayDeque<>();
  private boolean draining;

  /** Runs the request now or queues it; {@code workers} null: every request runs at once (nothing waits). */
  void submit(Executor workers, boolean mayWait, Runnable request) {
    if (workers == null) {
      request.run();
      return;
    }
    boolean runNow = false;
    boolean start = false;
    synchronized (queued) {
      if (!draining && !mayWait) {
        runNow = true;
      } else {
        queued.add(request);
        start = !draining;
        draining = true;
      }
    }
    if (runNow) {
      request.run();
    } else if (start) {
      workers.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (queued) {
        next = queued.poll();
        if (next == null) {
          draining = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        log.error("A request failed", e); // a bug; the session's later requests must still run
      }
    }
  }
}
