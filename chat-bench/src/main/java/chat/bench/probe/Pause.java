package chat.bench.probe;

/**
 * The benchmark programs' one way to wait a fixed time: polling a starting server, letting a run settle. Tests
 * never use it; they wait on conditions.
 */
public final class Pause {
  private Pause() {}

  /** Sleeps {@code millis}; false, with the thread's interrupt flag restored, when interrupted. */
  public static boolean millis(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
