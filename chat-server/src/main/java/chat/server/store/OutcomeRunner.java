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
   * the writer then runs them itself.
   */
  boolean runInOrder(Runnable reports);

  /**
   * Wakes the writer ({@code wake}) now, or, when called on the selector thread, once at the end of its pass:
   * then one batch takes every append of the pass, and its fan-out leaves in one write per recipient.
   */
  default void wakeWriter(Runnable wake) {
    wake.run();
  }

  /** The writer's own thread, woken at once. */
  OutcomeRunner WRITER = reports -> false;
}
