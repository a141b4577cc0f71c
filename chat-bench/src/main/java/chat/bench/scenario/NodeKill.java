package chat.bench.scenario;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kills a server node the way a crash would: SIGKILL ({@link ProcessHandle#destroyForcibly} on Linux), so no
 * shutdown hook runs, no close frame is sent and its Redis heartbeat just stops. Only a pid the runner passed
 * in --server-pid, i.e. a process it started.
 */
final class NodeKill {
  private NodeKill() {}

  /** Kills {@code pid} and waits until it has gone; false when there was no such process or it outlived the wait. */
  static boolean kill(long pid, long timeoutMillis) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().destroyForcibly()) {
      return false;
    }
    try {
      process.get().onExit().get(timeoutMillis, TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
