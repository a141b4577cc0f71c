package chat.desktop.window;

import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * The window's last bounds, kept in the app's preferences node next to the join fields. The node is injected so
 * tests never touch the user's preferences.
 */
public final class WindowMemory {
  private static final String X = "window.x";
  private static final String Y = "window.y";
  private static final String WIDTH = "window.width";
  private static final String HEIGHT = "window.height";

  private final Preferences preferences;

  public WindowMemory(Preferences preferences) {
    this.preferences = preferences;
  }

  /** The remembered bounds; empty when none were stored or they are not numbers a window can have. */
  public Optional<Box> remembered() {
    Box box = new Box(read(X), read(Y), read(WIDTH), read(HEIGHT));
    return box.isUsable() ? Optional.of(box) : Optional.empty();
  }

  /** Stores usable bounds; anything else (a window never shown) leaves the previous ones. */
  public void remember(Box bounds) {
    if (!bounds.isUsable()) {
      return;
    }
    preferences.putDouble(X, bounds.x());
    preferences.putDouble(Y, bounds.y());
    preferences.putDouble(WIDTH, bounds.width());
    preferences.putDouble(HEIGHT, bounds.height());
  }

  private double read(String key) {
    return preferences.getDouble(key, Double.NaN);
  }
}
