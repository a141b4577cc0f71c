package chat.desktop.chat;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The auto-scroll rule, as in the browser: follow new messages only while the user is at the bottom;
 * otherwise keep their position and show a "new messages" marker. The user's own messages always scroll
 * down, since they just sent them and expect to see them.
 */
public final class ScrollFollower {
  private final BooleanProperty atBottom = new SimpleBooleanProperty(true);
  private final ReadOnlyBooleanWrapper newMessagesBelow = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyIntegerWrapper newBelow = new ReadOnlyIntegerWrapper(0);
  private Runnable scrollToEnd = () -> {};

  ScrollFollower() {
    atBottom.addListener((observable, was, is) -> {
      if (is) {
        newMessagesBelow.set(false);
        newBelow.set(0);
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

  /** How many messages arrived below the view since the user scrolled up. */
  public ReadOnlyIntegerProperty newBelowProperty() {
    return newBelow.getReadOnlyProperty();
  }

  /** The view's way of showing the last message. */
  public void setScroller(Runnable scrollToEnd) {
    this.scrollToEnd = scrollToEnd;
  }

  /** The marker's action. */
  public void jumpToLatest() {
    newMessagesBelow.set(false);
    newBelow.set(0);
    scrollToEnd.run();
  }

  void entryAdded(boolean own) {
    if (atBottom.get() || own) {
      jumpToLatest();
    } else {
      newBelow.set(newBelow.get() + 1);
      newMessagesBelow.set(true);
    }
  }
}
