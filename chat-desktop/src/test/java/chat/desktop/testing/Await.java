package chat.desktop.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Polling waits with a deadline (never a fixed sleep), and reads of FX state on the FX thread. */
public final class Await {
  public static final Duration TIMEOUT = Duration.ofSeconds(15);

  private Await() {}

  public static void until(String what, BooleanSupplier condition) {
    until(what, TIMEOUT, condition);
  }

  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition::getAsBoolean);
    } catch (TimeoutException e) {
      throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting until " + what, e);
    }
  }

  /** Waits until a condition on FX state holds, evaluating it on the FX thread. */
  public static void untilFx(String what, BooleanSupplier condition) {
    until(what, () -> fx(condition::getAsBoolean));
  }

  /** Runs a read on the FX thread and returns its value. */
  public static <T> T fx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("FX read failed", e);
    }
  }
}
