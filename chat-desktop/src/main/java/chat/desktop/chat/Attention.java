package chat.desktop.chat;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * Counts messages from others that arrive while the window is not focused, for the window title, and says
 * which one starts them, for the "New" divider.
 */
public final class Attention {
  /** Room-name characters kept in the title, so " — Chat App" still shows in a task bar entry. */
  static final int TITLE_ROOM_LENGTH = 32;

  private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
  private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(0);

  Attention() {
    windowFocused.addListener((observable, was, focused) -> {
      if (focused) {
        unread.set(0);
      }
    });
  }

  /** Bound by the view to the window's focus. */
  public BooleanProperty windowFocusedProperty() {
    return windowFocused;
  }

  public ReadOnlyIntegerProperty unreadProperty() {
    return unread.getReadOnlyProperty();
  }

  /**
   * "(3) #lobby — Chat App" while there are unread messages, else "#lobby — Chat App"; a room name longer
   * than {@link #TITLE_ROOM_LENGTH} is cut with an ellipsis (the sidebar shows it whole on hover).
   */
  StringBinding title(ObservableStringValue room) {
    return Bindings.createStringBinding(
        () -> (unread.get() > 0 ? "(" + unread.get() + ") " : "") + "#"
            + Ellipsis.shorten(room.get(), TITLE_ROOM_LENGTH) + " — Chat App",
        unread, room);
  }

  void entryAdded(ChatEntry entry) {
    if (counts(entry)) {
      unread.set(unread.get() + 1);
    }
  }

  /** Whether this entry would be the first unread one since the window was last looked at. */
  boolean startsUnread(ChatEntry entry) {
    return unread.get() == 0 && counts(entry);
  }

  private boolean counts(ChatEntry entry) {
    return !windowFocused.get() && !entry.own() && entry.kind() != ChatEntry.Kind.SYSTEM;
  }
}
