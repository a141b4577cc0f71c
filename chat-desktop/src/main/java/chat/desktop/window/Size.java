package chat.desktop.window;

/** A window size in screen pixels. */
public record Size(double width, double height) {

  /** The larger of each dimension. */
  public Size atLeast(Size other) {
    return new Size(Math.max(width, other.width), Math.max(height, other.height));
  }

  /** The smaller of each dimension. */
  public Size atMost(Size other) {
    return new Size(Math.min(width, other.width), Math.min(height, other.height));
  }
}
