package chat.desktop.window;

import java.util.List;
import java.util.Optional;

/**
 * Where the window goes, as arithmetic on screen rectangles. Every rule keeps the window inside the visual
 * bounds (the screen minus task bars and docks) of one screen, because a window that hangs off the bottom or
 * the right of a small laptop screen hides the controls there and cannot always be dragged back.
 */
public final class WindowPlacement {
  private final Box primary;
  private final List<Box> screens;

  /**
   * @param primary the primary screen's visual bounds
   * @param screens the visual bounds of every screen, the primary one included
   */
  public WindowPlacement(Box primary, List<Box> screens) {
    this.primary = primary;
    this.screens = List.copyOf(screens);
  }

  /** A window of the wanted size centred on the primary screen, shrunk where the screen is smaller. */
  public Box centred(Size wanted) {
    Box centre = new Box(primary.x() + primary.width() / 2, primary.y() + primary.height() / 2, 0, 0);
    return centre.resizedAroundCentre(wanted).clampedInto(primary);
  }

  /**
   * Bounds remembered from an earlier run, brought onto the screen under their centre (moved in where they hang
   * over, shrunk where that screen is smaller, grown to the minimum). Empty when no screen is under the centre
   * (a monitor since unplugged, a resolution since lowered, an iconified window's parking spot) or the stored
   * numbers make no window: the caller then centres the window instead.
   */
  public Optional<Box> restore(Box remembered, Size minimum) {
    if (!remembered.isUsable()) {
      return Optional.empty();
    }
    return screens.stream()
        .filter(screen -> screen.containsCentreOf(remembered))
        .findFirst()
        .map(screen -> remembered.resizedAroundCentre(remembered.size().atLeast(minimum)).clampedInto(screen));
  }

  /**
   * The window grown to at least the wanted size around its centre (it never shrinks: a size the user chose
   * stays), then kept inside the screen it is on. Growing around the centre rather than from the top-left
   * corner is what keeps a centred dialog that becomes the chat window on a small screen.
   */
  public Box grow(Box current, Size wanted) {
    Box grown = current.resizedAroundCentre(current.size().atLeast(wanted));
    return grown.clampedInto(screenOf(current));
  }

  /** The screen a window is on: the one it overlaps most; the primary one when it overlaps none. */
  public Box screenOf(Box window) {
    Box best = primary;
    double bestArea = 0;
    for (Box screen : screens) {
      double area = screen.overlapArea(window);
      if (area > bestArea) {
        best = screen;
        bestArea = area;
      }
    }
    return best;
  }

  /** The minimum size a window on this screen can have: the wanted one, but never more than the screen. */
  public Size minimumOn(Box window, Size minimum) {
    return minimum.atMost(screenOf(window).size());
  }
}
