package chat.desktop.testing;

import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Counts the layout pulses of one scene, the node's being measured, so that two looks at a node can be told
 * apart by a layout pass between them. FX thread only.
 */
public final class LayoutPulses {
  private final AtomicLong count = new AtomicLong();
  private final Runnable listener = count::incrementAndGet;
  private Scene scene;

  /** Counts {@code next}'s pulses from now on (its own, once it is the scene counted), and asks for one. */
  public void follow(Scene next) {
    if (next != scene) {
      stop();
      scene = next;
      next.addPostLayoutPulseListener(listener);
    }
    Platform.requestNextPulse(); // a settled scene has no pulse of its own coming
  }

  public long count() {
    return count.get();
  }

  public void stop() {
    if (scene != null) {
      scene.removePostLayoutPulseListener(listener);
      scene = null;
    }
  }
}
