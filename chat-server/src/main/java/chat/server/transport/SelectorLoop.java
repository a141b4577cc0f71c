package chat.server.transport;

import org.java_websocket.WebSocketImpl;

/** What the write path needs of the selector thread; {@link SelectorHookServer} is the real one. */
interface SelectorLoop {
  boolean isSelectorThread();

  /** Selector thread: how many reads got data so far in the pass under way (0 between passes). */
  int readsThisPass();

  /** Any thread: how many passes the selector has ended since it started. */
  long passesEnded();

  /**
   * Queues {@code task} for the selector thread and wakes it; tasks run in the order queued, also when queued from
   * the selector thread itself. False when there is no selector to run it (none accepted yet, or stopped): the
   * caller then does without.
   */
  boolean runOnSelector(Runnable task);

  /** The library's own route to a write: arms the socket's write interest and wakes the selector. */
  void armWrite(WebSocketImpl connection);
}
