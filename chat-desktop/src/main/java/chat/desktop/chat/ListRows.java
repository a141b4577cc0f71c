package chat.desktop.chat;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The graphics of the list's own rows: day separators, the gap, "New" and beginning dividers, outbox messages. */
final class ListRows {
  private static final double SIDE_PADDING = 56;

  private final ListView<ChatEntry> list;
  private final RowActions actions;

  ListRows(ListView<ChatEntry> list, RowActions actions) {
    this.list = list;
    this.actions = actions;
  }

  Node graphic(ChatEntry entry, String time) {
    return switch (entry.kind()) {
      case DAY -> divider(entry.text(), "day-separator");
      case NEW -> divider(entry.text(), "new-divider");
      case BEGINNING -> centred(entry.text(), "beginning");
      case GAP -> gap(entry);
      case OUTBOX -> unsent(entry, time);
      default -> centred(entry.text(), "system-text");
    };
  }

  /** A label between two rules, as wide as the list. */
  private HBox divider(String text, String styleClass) {
    Label label = new Label(text);
    label.getStyleClass().add("divider-text");
    HBox row = new HBox(10, rule(), label, rule());
    row.setAlignment(Pos.CENTER);
    row.getStyleClass().addAll("divider", styleClass);
    row.prefWidthProperty().bind(list.widthProperty().subtract(SIDE_PADDING));
    row.setMaxWidth(Region.USE_PREF_SIZE);
    return row;
  }

  private static Region rule() {
    Region rule = new Region();
    rule.getStyleClass().add("divider-rule");
    HBox.setHgrow(rule, Priority.ALWAYS);
    return rule;
  }

  private Label centred(String text, String styleClass) {
    Label line = new Label(text);
    line.getStyleClass().add(styleClass);
    line.setAlignment(Pos.CENTER);
    line.prefWidthProperty().bind(list.widthProperty().subtract(SIDE_PADDING));
    return line;
  }

  private VBox gap(ChatEntry entry) {
    Hyperlink load = new Hyperlink("Load older messages");
    load.getStyleClass().add("gap-load");
    load.setOnAction(event -> actions.loadGap(entry));
    VBox box = new VBox(2, divider(entry.text(), "gap-divider"), load);
    box.setAlignment(Pos.CENTER);
    return box;
  }

  /** An own message waiting in the outbox: "sending…", or "Not sent" with the reason and Edit / Discard. */
  private VBox unsent(ChatEntry entry, String time) {
    Label name = new Label(entry.username());
    name.getStyleClass().add("message-name");
    Label state = new Label(entry.problem() == null ? "sending…" : "Not sent");
    state.getStyleClass().add(entry.problem() == null ? "outbox-sending" : "outbox-failed");
    HBox header = new HBox(8, name, new Label(time), state);
    header.getChildren().get(1).getStyleClass().add("message-time");
    header.setAlignment(Pos.BASELINE_LEFT);
    Label text = new Label(entry.text());
    text.getStyleClass().add("message-text");
    text.setWrapText(true);
    text.setMinHeight(Region.USE_PREF_SIZE);
    text.maxWidthProperty().bind(list.widthProperty().subtract(SIDE_PADDING));
    VBox box = new VBox(2, header, text);
    box.getStyleClass().addAll("message", "outbox", entry.problem() == null ? "pending" : "refused");
    if (entry.problem() != null) {
      Label reason = new Label(entry.problem());
      reason.getStyleClass().add("outbox-reason");
      reason.setWrapText(true);
      Button edit = new Button("Edit");
      edit.getStyleClass().add("outbox-edit");
      edit.setOnAction(event -> actions.edit(entry));
      Button discard = new Button("Discard");
      discard.getStyleClass().add("outbox-discard");
      discard.setOnAction(event -> actions.discard(entry));
      box.getChildren().addAll(reason, new HBox(6, edit, discard));
    }
    return box;
  }
}
