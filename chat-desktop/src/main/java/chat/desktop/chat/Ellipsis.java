package chat.desktop.chat;

/**
 * Shortens text where no control can do it: a window title is drawn by the system, which cuts a long one at
 * its end and so would drop the app's name after a 64-character room name.
 */
final class Ellipsis {
  private Ellipsis() {}

  /** The text itself when it has at most {@code max} code points, else its first {@code max - 1} and "…". */
  static String shorten(String text, int max) {
    int length = text.codePointCount(0, text.length());
    if (length <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
  }
}
