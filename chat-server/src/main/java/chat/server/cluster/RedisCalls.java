package chat.server.cluster;

import chat.server.room.Unavailable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a Redis call where the room rules need its answer now, turning any failure into {@link Unavailable}. */
final class RedisCalls {
  /** The call's own timeout ends it first; this only guards against a stage that never completes. */
  private static final long WAIT_MILLIS = RedisLink.TIMEOUT.toMillis() + 500;

  private RedisCalls() {}

  static <T> T await(CompletionStage<T> call, String what) {
    try {
      return call.toCompletableFuture().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new Unavailable("Redis did not " + what + ": " + RedisLink.rootMessage(e), e);
    } catch (TimeoutException e) {
      throw new Unavailable("Redis did not " + what + " within " + WAIT_MILLIS + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("Interrupted while waiting for Redis to " + what, e);
    }
  }
}
