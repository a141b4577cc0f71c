package chat.desktop.window;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Applies {@link WindowPlacement} to the stage: reads the screens' visual bounds from JavaFX, which may change
 * while the app runs (a monitor plugged in), so they are read anew each time.
 */
public final class StagePlacer {
  private final Stage stage;

  public StagePlacer(Stage stage) {
    this.stage = stage;
  }

  /**
   * Puts the window back where it was remembered, when a screen is still there.
   *
   * @return the bounds used; empty when the window was left alone (nothing remembered, or on no screen)
   */
  public Optional<Box> restore(Optional<Box> remembered, Size minimum) {
    WindowPlacement placement = placement();
    Optional<Box> bounds = remembered.flatMap(box -> placement.restore(box, minimum));
    bounds.ifPresent(box -> apply(box, placement.minimumOn(box, minimum)));
    return bounds;
  }

  /** Gives the window the wanted size, centred on the primary screen and within it. */
  public void centre(Size wanted, Size minimum) {
    WindowPlacement placement = placement();
    Box bounds = placement.centred(wanted);
    apply(bounds, placement.minimumOn(bounds, minimum));
  }

  /** Grows the window to at least the wanted size, inside its screen, and sets the minimum for what it shows. */
  public void fit(Size wanted, Size minimum) {
    WindowPlacement placement = placement();
    Box current = bounds();
    // Not placed yet (x and y are NaN until then): start centred rather than from nowhere.
    Box bounds = current.isUsable() ? placement.grow(current, wanted) : placement.centred(wanted);
    apply(bounds, placement.minimumOn(bounds, minimum));
  }

  /** The window's bounds now (not usable before it was first placed). */
  public Box bounds() {
    return new Box(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
  }

  private void apply(Box bounds, Size minimum) {
    // The minimum first: raising it makes JavaFX grow the window to it, so the size set last is the one kept.
    stage.setMinWidth(minimum.width());
    stage.setMinHeight(minimum.height());
    stage.setX(bounds.x());
    stage.setY(bounds.y());
    stage.setWidth(bounds.width());
    stage.setHeight(bounds.height());
  }

  private static WindowPlacement placement() {
    List<Box> screens = Screen.getScreens().stream().map(screen -> box(screen.getVisualBounds())).toList();
    return new WindowPlacement(box(Screen.getPrimary().getVisualBounds()), screens);
  }

  private static Box box(Rectangle2D bounds) {
    return new Box(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight());
  }
}
