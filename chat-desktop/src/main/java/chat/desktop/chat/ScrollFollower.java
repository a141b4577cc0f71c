package chat.desktop.chat;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The auto-scroll rule, as in the browser: follow new messages only while the user is at the bottom;
 * otherwise keep their position and show a "new messages" marker. The user's own messages always scroll
 * down, since they just sent them and expect to see them.
 */
public final class ScrollFollower {
  private final BooleanProperty atBottom = new SimpleBooleanProperty(true);
  private final ReadOnlyBooleanWrapper newMessagesBelow = new ReadOnlyBooleanWrapper(false);
  private Runnable scrollToEnd = () -> {};

  ScrollFollower() {
    atBottom.addListener((observable, was, is) -> {
      if (is) {
        newMessagesBelow.set(false);
      }
    });
  }

  /** Set by the view from the list's scroll position. */
  public BooleanProperty atBottomProperty() {
    return atBottom;
  }

  public ReadOnlyBooleanProperty newMessagesBelowProperty() {
    return newMessagesBelow.getReadOnlyProperty();
  }

  /** The view's way of showing the last message. */
  public void setScroller(Runnable scrollToEnd) {
    this.scrollToEnd = scrollToEnd;
  }

  /** The marker's action. */
  public void jumpToLatest() {
    newMessagesBelow.set(false);
    scrollToEnd.run();
  }

  void entryAdded(boolean own) {
    if (atBottom.get() || own) {
      jumpToLatest();
    } else {
      newMessagesBelow.set(true);
    }
  }
}
