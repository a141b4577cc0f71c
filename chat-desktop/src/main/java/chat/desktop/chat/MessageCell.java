package chat.desktop.chat;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One row: a message shows name and time over wrapped text, its http(s) URLs as links (a message grouped under
 * the one before shows only its text); a location is a "My current location" link; system notices are a
 * centred, muted line; day separators, dividers and outbox messages have rows of their own ({@link
 * ListRows}). Links open through the {@link LinkOpener}. Own messages get the {@code own} style class.
 */
public final class MessageCell extends ListCell<ChatEntry> {
  private static final double SIDE_PADDING = 56;

  private final ListView<ChatEntry> list;
  private final MessageTimeFormat times;
  private final LinkOpener links;
  private final ListRows ownRows;

  public MessageCell(ListView<ChatEntry> list, MessageTimeFormat times, LinkOpener links, RowActions actions) {
    this.list = list;
    this.times = times;
    this.links = links;
    this.ownRows = new ListRows(list, actions);
    // A zero preferred width lets the cell follow the list's width, so long text wraps instead of scrolling.
    setPrefWidth(0);
    getStyleClass().add("message-cell");
  }

  @Override
  protected void updateItem(ChatEntry entry, boolean empty) {
    super.updateItem(entry, empty);
    getStyleClass().removeAll("own", "system", "location", "continued", "list-row");
    setText(null);
    if (empty || entry == null) {
      setGraphic(null);
      return;
    }
    if (!entry.isMessage()) {
      getStyleClass().add("list-row");
      setGraphic(ownRows.graphic(entry, times.format(entry.createdAt())));
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
    if (entry.continued()) {
      getStyleClass().add("continued");
      VBox box = new VBox(body(entry));
      box.getStyleClass().add("message");
      setGraphic(box);
      return;
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

  private Node body(ChatEntry entry) {
    if (entry.kind() == ChatEntry.Kind.LOCATION && entry.hasSafeLink()) {
      return link(entry.text(), entry.url(), "message-link");
    }
    if (entry.kind() == ChatEntry.Kind.TEXT) {
      List<MessageLinks.Segment> segments = MessageLinks.split(entry.text());
      if (segments.stream().anyMatch(MessageLinks.Segment::isLink)) {
        return linkedText(segments);
      }
    }
    Label text = new Label(entry.kind() == ChatEntry.Kind.LOCATION ? entry.text() + " (" + entry.url() + ")"
        : entry.text());
    text.getStyleClass().add("message-text");
    text.setWrapText(true);
    text.setMinHeight(Region.USE_PREF_SIZE);
    text.maxWidthProperty().bind(list.widthProperty().subtract(SIDE_PADDING));
    return text;
  }

  /** Text with links in it: a flow of text runs and hyperlinks, wrapping like the plain label. */
  private TextFlow linkedText(List<MessageLinks.Segment> segments) {
    TextFlow flow = new TextFlow();
    flow.getStyleClass().add("message-flow");
    flow.maxWidthProperty().bind(list.widthProperty().subtract(SIDE_PADDING));
    for (MessageLinks.Segment segment : segments) {
      if (segment.isLink()) {
        Hyperlink link = link(segment.text(), segment.url(), "message-url");
        // A URL wider than the row is cut with an ellipsis rather than pushed past the edge.
        link.maxWidthProperty().bind(flow.maxWidthProperty());
        flow.getChildren().add(link);
      } else {
        Text run = new Text(segment.text());
        run.getStyleClass().add("message-run");
        flow.getChildren().add(run);
      }
    }
    return flow;
  }

  private Hyperlink link(String text, String url, String styleClass) {
    Hyperlink link = new Hyperlink(text);
    link.getStyleClass().add(styleClass);
    link.setTooltip(new Tooltip(url));
    link.setOnAction(event -> links.open(url));
    return link;
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
