package chat.desktop.join;

import chat.desktop.ui.LengthLimit;
import chat.protocol.ActiveRooms;
import javafx.fxml.FXML;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/** Binds the join view to its {@link JoinViewModel}; no logic of its own. */
public final class JoinController {
  private final JoinViewModel model;

  @FXML private TextField usernameField;
  @FXML private ComboBox<ActiveRooms.Room> roomBox;
  @FXML private TextField serverField;
  @FXML private Label errorLabel;
  @FXML private Button joinButton;

  public JoinController(JoinViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    usernameField.setTextFormatter(LengthLimit.formatter(() -> model.limitsProperty().get().maxUsernameLength()));
    roomBox.getEditor().setTextFormatter(LengthLimit.formatter(() -> model.limitsProperty().get().maxRoomLength()));
    usernameField.textProperty().bindBidirectional(model.usernameProperty());
    serverField.textProperty().bindBidirectional(model.serverProperty());
    roomBox.setItems(model.rooms());
    roomBox.setConverter(new RoomConverter());
    roomBox.setCellFactory(list -> new RoomCell());
    roomBox.getEditor().textProperty().bindBidirectional(model.roomProperty());
    roomBox.setOnShowing(event -> model.refreshRooms());
    roomBox.focusedProperty().addListener((observable, was, focused) -> {
      if (focused) {
        model.refreshRooms();
      }
    });
    // An open drop-down does not resize when its items change; reopening it lays it out for the new list.
    model.rooms().addListener((javafx.collections.ListChangeListener<ActiveRooms.Room>) change -> {
      if (roomBox.isShowing()) {
        roomBox.hide();
        roomBox.show();
      }
    });
    serverField.focusedProperty().addListener((observable, was, focused) -> {
      if (!focused) {
        model.refreshRooms();
      }
    });
    errorLabel.textProperty().bind(model.errorProperty());
    errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
    errorLabel.managedProperty().bind(errorLabel.visibleProperty());
    joinButton.disableProperty().bind(model.busyProperty());
    joinButton.textProperty().bind(
        javafx.beans.binding.Bindings.when(model.busyProperty()).then("Joining…").otherwise("Join"));
    model.setFocuser(this::focus);
    usernameField.setOnAction(event -> model.join());
    serverField.setOnAction(event -> model.join());
    roomBox.getEditor().setOnAction(event -> model.join());
  }

  @FXML
  private void join() {
    model.join();
  }

  private void focus(JoinField field) {
    switch (field) {
      case USERNAME -> usernameField.requestFocus();
      case ROOM -> roomBox.getEditor().requestFocus();
      case SERVER -> serverField.requestFocus();
    }
  }

  /** Shows a room by name in the editor; typed text becomes a room of that name. */
  private static final class RoomConverter extends StringConverter<ActiveRooms.Room> {
    @Override
    public String toString(ActiveRooms.Room room) {
      return room == null ? "" : room.name();
    }

    @Override
    public ActiveRooms.Room fromString(String text) {
      return text == null || text.isBlank() ? null : new ActiveRooms.Room(text.strip(), 0);
    }
  }

  /**
   * A room in the drop-down: its name and how many people are in it. A long name is cut in the middle, so the
   * count at the end stays; the tooltip has it whole.
   */
  private static final class RoomCell extends ListCell<ActiveRooms.Room> {
    private final Tooltip tooltip = new Tooltip();

    RoomCell() {
      setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
      // The drop-down is as wide as the widest cell wants; a zero preference keeps it as wide as the box.
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(ActiveRooms.Room room, boolean empty) {
      super.updateItem(room, empty);
      if (empty || room == null) {
        setText(null);
        setTooltip(null);
        return;
      }
      setText(room.name() + "  ·  " + room.users() + (room.users() == 1 ? " person" : " people"));
      tooltip.setText(room.name());
      setTooltip(tooltip);
    }
  }
}
