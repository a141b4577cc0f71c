package chat.desktop.chat;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/** A user in the sidebar: a coloured initial, the name, and "(you)" after this user's own name. */
final class UserCell extends ListCell<String> {
  private static final int AVATAR_COLOURS = 6;
  private final String me;
  private final Tooltip tooltip = new Tooltip();

  UserCell(String me) {
    this.me = me;
    getStyleClass().add("user-cell");
    // As wide as the sidebar, not as the longest name: a long one is cut with an ellipsis, not scrolled.
    setPrefWidth(0);
  }

  @Override
  protected void updateItem(String name, boolean empty) {
    super.updateItem(name, empty);
    getStyleClass().remove("me");
    setGraphic(null);
    if (empty || name == null) {
      setText(null);
      setTooltip(null);
      return;
    }
    boolean isMe = name.equalsIgnoreCase(me);
    setText(isMe ? name + " (you)" : name);
    tooltip.setText(getText());
    setTooltip(tooltip);
    setGraphic(avatar(name));
    if (isMe) {
      getStyleClass().add("me");
    }
  }

  private static Label avatar(String name) {
    Label avatar = new Label(name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(java.util.Locale.ROOT));
    avatar.getStyleClass().addAll("avatar",
        "avatar-" + Math.floorMod(name.toLowerCase(java.util.Locale.ROOT).hashCode(), AVATAR_COLOURS));
    return avatar;
  }
}
