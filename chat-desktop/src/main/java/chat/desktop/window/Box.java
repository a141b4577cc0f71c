package chat.desktop.window;

/**
 * A rectangle in screen coordinates: a window's bounds or a screen's visual bounds. Plain numbers rather than
 * JavaFX geometry so the placement rules are tested without a toolkit.
 */
public record Box(double x, double y, double width, double height) {

  public double maxX() {
    return x + width;
  }

  public double maxY() {
    return y + height;
  }

  public Size size() {
    return new Size(width, height);
  }

  /** True when every number is finite and the size is positive, as a stored or measured window must be. */
  public boolean isUsable() {
    return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height)
        && width > 0 && height > 0;
  }

  boolean containsCentreOf(Box other) {
    double cx = other.x + other.width / 2;
    double cy = other.y + other.height / 2;
    return cx >= x && cx < maxX() && cy >= y && cy < maxY();
  }

  double overlapArea(Box other) {
    double w = Math.min(maxX(), other.maxX()) - Math.max(x, other.x);
    double h = Math.min(maxY(), other.maxY()) - Math.max(y, other.y);
    return w > 0 && h > 0 ? w * h : 0;
  }

  /** The same centre with another size. */
  Box resizedAroundCentre(Size size) {
    return new Box(x + (width - size.width()) / 2, y + (height - size.height()) / 2, size.width(), size.height());
  }

  /** Shrunk to fit {@code area} where it is larger, then moved the least distance that puts it inside. */
  Box clampedInto(Box area) {
    double w = Math.min(width, area.width);
    double h = Math.min(height, area.height);
    return new Box(clamp(x, area.x, area.maxX() - w), clamp(y, area.y, area.maxY() - h), w, h);
  }

  private static double clamp(double value, double low, double high) {
    return Math.max(low, Math.min(value, high));
  }
}
