package chat.desktop.chat;

import chat.desktop.ui.LengthLimit;
import java.util.function.IntSupplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/** Binds the chat view to its {@link ChatViewModel}; only the scroll-position reading lives here. */
public final class ChatController {
  private final ChatViewModel model;
  private final MessageTimeFormat times;
  private final LinkOpener links;
  private boolean scrollPending;

  @FXML private Label roomLabel;
  @FXML private Label headerRoomLabel;
  @FXML private Label userCountLabel;
  @FXML private ListView<String> userList;
  @FXML private TextField switchRoomField;
  @FXML private Label connectionLabel;
  @FXML private Button reconnectButton;
  @FXML private ListView<ChatEntry> messageList;
  @FXML private Button newMessagesButton;
  @FXML private ProgressIndicator loadingOlder;
  @FXML private Label errorLabel;
  @FXML private TextField messageField;
  @FXML private Button sendButton;
  @FXML private Button shareLocationButton;

  public ChatController(ChatViewModel model, MessageTimeFormat times, LinkOpener links) {
    this.model = model;
    this.times = times;
    this.links = links;
  }

  @FXML
  private void initialize() {
    roomLabel.textProperty().bind(Bindings.concat("#", model.roomProperty()));
    headerRoomLabel.textProperty().bind(Bindings.concat("#", model.roomProperty()));
    // A long room name is cut with an ellipsis (chat-view.fxml); hovering shows it whole.
    roomLabel.setTooltip(roomTooltip());
    headerRoomLabel.setTooltip(roomTooltip());
    switchRoomField.setTextFormatter(LengthLimit.formatter(model::maxRoomLength));
    userCountLabel.textProperty().bind(Bindings.createStringBinding(
        () -> model.users().size() == 1 ? "1 person" : model.users().size() + " people", model.users()));
    userList.setItems(model.users());
    userList.setCellFactory(list -> new UserCell(model.username()));
    userList.setFocusTraversable(false);
    connectionLabel.textProperty().bind(model.statusText());
    model.statusProperty().addListener((observable, was, status) -> showState(status.state().name()));
    showState(model.statusProperty().get().state().name());
    reconnectButton.visibleProperty().bind(model.reconnectingProperty());
    reconnectButton.managedProperty().bind(reconnectButton.visibleProperty());
    bindMessages();
    bindComposer();
  }

  private Tooltip roomTooltip() {
    Tooltip tooltip = new Tooltip();
    tooltip.textProperty().bind(model.roomProperty());
    return tooltip;
  }

  private void bindMessages() {
    messageList.setItems(model.entries());
    RowActions actions = new RowActions() {
      @Override
      public void loadGap(ChatEntry gap) {
        model.history().loadGap(gap);
      }

      @Override
      public void edit(ChatEntry unsent) {
        model.editUnsent(unsent);
        messageField.requestFocus();
      }

      @Override
      public void discard(ChatEntry unsent) {
        model.outbox().discard(unsent);
      }
    };
    messageList.setCellFactory(list -> new MessageCell(list, times, links, actions));
    messageList.setFocusTraversable(false);
    model.scroll().setScroller(this::scrollToEnd);
    model.history().setPositionKeeper(this::keepPosition);
    loadingOlder.visibleProperty().bind(model.history().loadingProperty());
    loadingOlder.managedProperty().bind(loadingOlder.visibleProperty());
    messageList.skinProperty().addListener((observable, was, skin) -> watchScrollPosition());
    newMessagesButton.visibleProperty().bind(model.scroll().newMessagesBelowProperty());
    newMessagesButton.textProperty().bind(Bindings.createStringBinding(
        () -> model.scroll().newBelowProperty().get() == 1 ? "New message ↓"
            : model.scroll().newBelowProperty().get() + " new messages ↓",
        model.scroll().newBelowProperty()));
    newMessagesButton.managedProperty().bind(newMessagesButton.visibleProperty());
    newMessagesButton.setOnAction(event -> model.scroll().jumpToLatest());
  }

  private void bindComposer() {
    Composer composer = model.composer();
    messageField.textProperty().bindBidirectional(composer.draftProperty());
    messageField.setOnAction(event -> composer.send());
    sendButton.disableProperty().bind(composer.canSendProperty().not());
    sendButton.setOnAction(event -> composer.send());
    LocationSharing location = model.location();
    shareLocationButton.disableProperty().bind(location.sharingProperty().or(model.onlineProperty().not()));
    shareLocationButton.textProperty().bind(
        Bindings.when(location.sharingProperty()).then("Sharing…").otherwise("Share location"));
    errorLabel.textProperty().bind(model.errorProperty());
    errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
    errorLabel.managedProperty().bind(errorLabel.visibleProperty());
  }

  /**
   * Reads the list's scroll position for the follow rule. Reaching the end by any means resumes following; only
   * the user (wheel, keys, dragging or clicking the scroll bar) can stop it, because layout passes move the bar
   * slightly while cell heights are still being measured.
   */
  private void watchScrollPosition() {
    ScrollBar bar = verticalBar();
    if (bar == null) {
      return;
    }
    bar.valueProperty().addListener((observable, was, value) -> {
      if (atEnd(bar)) {
        model.scroll().atBottomProperty().set(true);
      }
      // Reaching the top loads the page before it; a position that starts there (a short list) does not.
      if (value.doubleValue() <= bar.getMin() && was.doubleValue() > bar.getMin()) {
        model.history().loadOlder();
      }
    });
    Runnable userMoved = () -> model.scroll().atBottomProperty().set(atEnd(bar));
    // The list consumes wheel and key events, so they are seen as filters, before they move it: moving up
    // leaves the bottom; moving down to the end is caught by the value listener above.
    Runnable userMovedUp = () -> {
      if (bar.isVisible()) {
        model.scroll().atBottomProperty().set(false);
      }
    };
    messageList.addEventFilter(ScrollEvent.SCROLL, event -> {
      if (event.getDeltaY() > 0) {
        userMovedUp.run();
        if (!bar.isVisible()) {
          model.history().loadOlder(); // everything fits: scrolling up still asks for older messages
        }
      }
    });
    messageList.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
      if (event.getCode() == KeyCode.UP || event.getCode() == KeyCode.PAGE_UP || event.getCode() == KeyCode.HOME) {
        userMovedUp.run();
      }
    });
    bar.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> userMoved.run());
    bar.addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> userMoved.run());
  }

  /**
   * Shows the last message, once per burst: many appends in one go (a recovered gap, a busy room) scroll once,
   * on the next turn of the FX thread. The list is laid out first so the new rows are counted (a position set
   * before that is recomputed away); position 1 is then the very end, however tall the cells turn out to be.
   */
  private void scrollToEnd() {
    if (scrollPending) {
      return;
    }
    scrollPending = true;
    Platform.runLater(() -> {
      scrollPending = false;
      if (messageList.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
        messageList.layout();
        flow.setPosition(1.0);
      } else {
        messageList.scrollTo(messageList.getItems().size() - 1);
      }
    });
  }

  /**
   * Rows go in above the view: the first message on screen, and how far down it is, are read first (after a
   * layout, so the cells show the current position) and restored after, so nothing jumps. A message, not a
   * row, is the anchor, because a day separator above it may go when the older page ends on the same day.
   */
  private void keepPosition(IntSupplier addRowsAbove) {
    if (!(messageList.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
      addRowsAbove.getAsInt();
      return;
    }
    messageList.layout();
    IndexedCell<?> anchor = firstVisibleMessage(flow);
    Long id = anchor == null ? null : messageList.getItems().get(anchor.getIndex()).id();
    double offset = anchor == null ? 0 : anchor.getLayoutY();
    if (addRowsAbove.getAsInt() <= 0 || id == null) {
      return;
    }
    for (int index = 0; index < messageList.getItems().size(); index++) {
      if (id.equals(messageList.getItems().get(index).id())) {
        // The list takes in its new rows on its next layout: put the anchor on top then, and back down by
        // its old distance from the top once its neighbours have been measured.
        messageList.scrollTo(index);
        Platform.runLater(() -> flow.scrollPixels(-offset));
        return;
      }
    }
  }

  private IndexedCell<?> firstVisibleMessage(VirtualFlow<?> flow) {
    IndexedCell<?> first = flow.getFirstVisibleCell();
    IndexedCell<?> last = flow.getLastVisibleCell();
    if (first == null || last == null) {
      return null;
    }
    for (int index = first.getIndex(); index <= last.getIndex(); index++) {
      ChatEntry row = index < messageList.getItems().size() ? messageList.getItems().get(index) : null;
      if (row != null && row.id() != null && row.isMessage()) {
        return flow.getVisibleCell(index);
      }
    }
    return null;
  }

  private ScrollBar verticalBar() {
    for (Node node : messageList.lookupAll(".scroll-bar")) {
      if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
        return bar;
      }
    }
    return null;
  }

  private static boolean atEnd(ScrollBar bar) {
    return !bar.isVisible() || bar.getValue() >= bar.getMax() - 0.001;
  }

  private void showState(String state) {
    connectionLabel.getStyleClass().removeIf(style -> style.startsWith("state-"));
    connectionLabel.getStyleClass().add("state-" + state.toLowerCase(java.util.Locale.ROOT));
  }

  @FXML
  private void switchRoom() {
    model.switchRoom(switchRoomField.getText());
    switchRoomField.clear();
  }

  @FXML
  private void changeLocation() {
    model.location().changePosition();
  }

  @FXML
  private void reconnectNow() {
    model.reconnectNow();
  }

  @FXML
  private void leave() {
    model.leave();
  }

  @FXML
  private void shareLocation() {
    model.location().share();
  }

  /** Puts the cursor in the compose field, where a user starts typing. */
  public void focusComposer() {
    messageField.requestFocus();
  }
}
