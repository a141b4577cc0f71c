package chat.server.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** The room log's requests in call order, from any thread, taken by its writer a batch at a time. */
final class LogQueue {
  private final ArrayDeque<LogOp> queue = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final int maxBatch;

  LogQueue(int maxBatch) {
    this.maxBatch = maxBatch;
  }

  void add(LogOp op) {
    lock.lock();
    try {
      queue.add(op);
    } finally {
      lock.unlock();
    }
  }

  /** The oldest requests, at most a batch of them; empty when nothing is queued. */
  List<LogOp> take() {
    lock.lock();
    try {
      List<LogOp> taken = new ArrayList<>(Math.min(queue.size(), maxBatch));
      while (!queue.isEmpty() && taken.size() < maxBatch) {
        taken.add(queue.pollFirst());
      }
      return taken;
    } finally {
      lock.unlock();
    }
  }

  boolean isEmpty() {
    lock.lock();
    try {
      return queue.isEmpty();
    } finally {
      lock.unlock();
    }
  }
}
