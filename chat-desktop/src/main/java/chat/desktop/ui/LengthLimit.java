package chat.desktop.ui;

import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import javafx.scene.control.TextFormatter;

/**
 * Stops a text field at a maximum length, counted in code points as the server counts names, like a browser's
 * {@code maxlength}: typing stops at the limit and a paste is cut to fit. Deleting always works, even when the
 * text is over a limit that was lowered after it was typed.
 */
public final class LengthLimit {
  private LengthLimit() {}

  /** A formatter for a field whose limit may change (a server's limit arrives after the field is shown). */
  public static TextFormatter<String> formatter(IntSupplier max) {
    return new TextFormatter<>(filter(max));
  }

  static UnaryOperator<TextFormatter.Change> filter(IntSupplier max) {
    return change -> {
      String newText = change.getControlNewText();
      String inserted = change.getText();
      String kept = keep(inserted, newText.codePointCount(0, newText.length()), max.getAsInt());
      if (kept.length() != inserted.length()) {
        int caret = change.getRangeStart() + kept.length();
        change.setText(kept);
        change.selectRange(caret, caret);
      }
      return change;
    };
  }

  /**
   * The part of an insertion that fits: all of it when the new text is within {@code max}, else the insertion
   * without as many code points from its end as the new text is over (none of it when that is more).
   *
   * @param newLength the text's length in code points if all of {@code inserted} were kept
   */
  static String keep(String inserted, int newLength, int max) {
    int over = newLength - max;
    if (over <= 0) {
      return inserted;
    }
    int insertedLength = inserted.codePointCount(0, inserted.length());
    if (over >= insertedLength) {
      return "";
    }
    return inserted.substring(0, inserted.offsetByCodePoints(0, insertedLength - over));
  }
}
