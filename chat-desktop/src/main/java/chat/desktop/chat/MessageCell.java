package chat.desktop.chat;

import javafx.geometry.Pos;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One message row: name and time over wrapped text; a location as a "My current location" link; system
 * notices as a centred, muted line. Own messages get the {@code own} style class.
 */
public final class MessageCell extends ListCell<ChatEntry> {
  private static final double SIDE_PADDING = 56;

  private final ListView<ChatEntry> list;
  private final MessageTimeFormat times;
  private final LinkOpener links;

  public MessageCell(ListView<ChatEntry> list, MessageTimeFormat times, LinkOpener links) {
    this.list = list;
    this.times = times;
    this.links = links;
    // A zero preferred width lets the cell follow the list's width, so long text wraps instead of scrolling.
    setPrefWidth(0);
    getStyleClass().add("message-cell");
  }

  @Override
  protected void updateItem(ChatEntry entry, boolean empty) {
    super.updateItem(entry, empty);
    getStyleClass().removeAll("own", "system", "location");
    setText(null);
    if (empty || entry == null) {
      setGraphic(null);
      return;
    }
    if (entry.kind() == ChatEntry.Kind.SYSTEM) {
      getStyleClass().add("system");
      setGraphic(systemLine(entry));
      return;
    }
    if (entry.own()) {
      getStyleClass().add("own");
    }
    if (entry.kind() == ChatEntry.Kind.LOCATION) {
      getStyleClass().add("location");
    }
    setGraphic(message(entry));
  }

  private VBox message(ChatEntry entry) {
    Label name = new Label(entry.username());
    name.getStyleClass().add("message-name");
    Label time = new Label(times.format(entry.createdAt()));
    time.getStyleClass().add("message-time");
    HBox header = new HBox(8, name, time);
    header.setAlignment(Pos.BASELINE_LEFT);
    VBox box = new VBox(2, header, body(entry));
    box.getStyleClass().add("message");
    return box;
  }

  private Control body(ChatEntry entry) {
    if (entry.kind() == ChatEntry.Kind.LOCATION && entry.hasSafeLink()) {
      Hyperlink link = new Hyperlink(entry.text());
      link.getStyleClass().add("message-link");
      link.setTooltip(new Tooltip(entry.url()));
      link.setOnAction(event -> links.open(entry.url()));
      return link;
    }
    Label text = new Label(entry.kind() == ChatEntry.Kind.LOCATION ? entry.text() + " (" + entry.url() + ")"
        : entry.text());
    text.getStyleClass().add("message-text");
    text.setWrapText(true);
    text.setMinHeight(Region.USE_PREF_SIZE);
    text.maxWidthProperty().bind(list.widthProperty().subtract(SIDE_PADDING));
    return text;
  }

  private Label systemLine(ChatEntry entry) {
    Label line = new Label(entry.text() + "  ·  " + times.format(entry.createdAt()));
    line.getStyleClass().add("system-text");
    line.setWrapText(true);
    line.setMinHeight(Region.USE_PREF_SIZE);
    line.setAlignment(Pos.CENTER);
    line.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    line.prefWidthProperty().bind(list.widthProperty().subtract(SIDE_PADDING));
    line.maxWidthProperty().bind(line.prefWidthProperty());
    return line;
  }
}
