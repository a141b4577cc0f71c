package chat.server.store;

/**
 * Where the writer thread runs a committed batch's outcomes and tasks. The transport's selector is the usual
 * place: fan-out done there is listed and written at its pass end like fan-out from a decoded frame, one write
 * per recipient for the whole batch, instead of racing the selector from the writer thread.
 */
@FunctionalInterface
public interface OutcomeRunner {
  /**
   * Queues {@code reports} behind those queued before; false when it cannot (not started yet, or stopped), and
   * the writer then runs them itself. Called on the selector thread (a commit done there), it runs what was
   * queued before and then {@code reports}, at once.
   */
  boolean runInOrder(Runnable reports);

  /**
   * Has the log's writer take what was appended: at once, or, when called on the selector thread, once at the
   * end of its pass, where the runner may have the commit done right there ({@link Writer#commitHere}): then
   * one batch takes every append of the pass, and its fan-out leaves in one write per recipient.
   */
  default void wakeWriter(Writer writer) {
    writer.wake();
  }

  /** The writer's own thread, woken at once. */
  OutcomeRunner WRITER = reports -> false;

  /** The log's writer, as the runner sees it. */
  interface Writer {
    /** Wakes the writer thread, which takes everything queued. */
    void wake();

    /**
     * Commits what is queued on the calling thread, and runs its outcomes through {@link #runInOrder}, when
     * the writer thread is not at it and commits are quick; false, having done nothing, otherwise.
     */
    boolean commitHere();
  }
}
