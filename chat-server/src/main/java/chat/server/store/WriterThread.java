package chat.server.store;

import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's one writer: sleeps until woken, then drains. A wake during a drain is remembered, so work queued
 * while a batch commits is taken right after it: that is what makes the next batch bigger under load.
 */
final class WriterThread {
  private static final Logger log = LoggerFactory.getLogger(WriterThread.class);
  private static final long JOIN_MILLIS = 30_000;

  private final Runnable drain;
  private final Thread thread;
  private volatile boolean woken;
  private volatile boolean finishing;

  WriterThread(Runnable drain) {
    this.drain = drain;
    this.thread = new Thread(this::loop, "chat-history-writer");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void wake() {
    if (!woken) {
      woken = true;
      LockSupport.unpark(thread);
    }
  }

  /** Drains what is queued, then stops; waits for it (SIGTERM drains pending writes). */
  void finish() {
    finishing = true;
    LockSupport.unpark(thread);
    try {
      thread.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      log.error("The history writer did not finish within {} ms; unsaved messages may be lost", JOIN_MILLIS);
    }
  }

  private void loop() {
    while (true) {
      boolean last = finishing;
      woken = false;
      drain.run();
      if (last) {
        return;
      }
      if (!woken && !finishing) {
        LockSupport.park(this);
      }
    }
  }
}
