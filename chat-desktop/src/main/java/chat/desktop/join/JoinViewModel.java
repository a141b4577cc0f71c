package chat.desktop.join;

import chat.desktop.chat.ChatSession;
import chat.desktop.net.ChatConnection;
import chat.desktop.net.ChatConnector;
import chat.desktop.net.ServerLimits;
import chat.desktop.net.RequestFailedException;
import chat.desktop.net.RoomDirectory;
import chat.desktop.net.ServerAddress;
import chat.desktop.ui.UiThread;
import chat.protocol.ActiveRooms;
import chat.protocol.ErrorCode;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The join dialog: validates the fields, connects and joins, and on success hands the session on. Errors
 * (local or from the server, such as "Username is in use!") are shown inline and the fields stay as typed.
 */
public final class JoinViewModel {
  private final ChatConnector connector;
  private final RoomDirectory directory;
  private final JoinPreferences preferences;
  private final UiThread ui;
  private final Consumer<ChatSession> onJoined;
  private final StringProperty server = new SimpleStringProperty("");
  private final StringProperty username = new SimpleStringProperty("");
  private final StringProperty room = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ObservableList<ActiveRooms.Room> rooms = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<ServerLimits> limits = new ReadOnlyObjectWrapper<>(ServerLimits.DEFAULT);
  private Consumer<JoinField> focuser = field -> {};

  public JoinViewModel(ChatConnector connector, RoomDirectory directory, JoinPreferences preferences, UiThread ui,
      Consumer<ChatSession> onJoined) {
    this.connector = connector;
    this.directory = directory;
    this.preferences = preferences;
    this.ui = ui;
    this.onJoined = onJoined;
  }

  /** Moves keyboard focus to a field; the view sets it, so an error can send the user to the field to fix. */
  public void setFocuser(Consumer<JoinField> focuser) {
    this.focuser = focuser;
  }

  /** Fills the fields: explicit values win, then the remembered ones, then defaults. */
  public void prefill(JoinForm given) {
    server.set(firstNonBlank(given.server(), preferences.server()));
    username.set(firstNonBlank(given.username(), preferences.username()));
    room.set(firstNonBlank(given.room(), preferences.room()));
  }

  /**
   * Loads the server's active rooms for the room list (quietly empty when that fails) and its name limits (the
   * defaults when it cannot say: the server checks the lengths anyway, the limits only save a refused join).
   */
  public void refreshRooms() {
    ServerAddress address;
    try {
      address = ServerAddress.parse(server.get());
    } catch (IllegalArgumentException e) {
      rooms.clear();
      return;
    }
    directory
        .activeRooms(address)
        .exceptionally(failure -> List.of())
        .thenAcceptAsync(this::showRooms, ui);
    directory
        .limits(address)
        .exceptionally(failure -> ServerLimits.DEFAULT)
        .thenAcceptAsync(limits::set, ui);
  }

  /** Replaces the list only when it changed, so an open drop-down is not redrawn for nothing. */
  private void showRooms(List<ActiveRooms.Room> fresh) {
    if (!rooms.equals(fresh)) {
      rooms.setAll(fresh);
    }
  }

  public void join() {
    if (busy.get()) {
      return;
    }
    String name = username.get().strip();
    String target = room.get().strip();
    String problem = validate(name, target);
    if (problem != null) {
      fail(problem, name.isEmpty() ? JoinField.USERNAME : JoinField.ROOM);
      return;
    }
    ServerAddress address;
    try {
      address = ServerAddress.parse(server.get());
    } catch (IllegalArgumentException e) {
      fail(e.getMessage(), JoinField.SERVER);
      return;
    }
    error.set("");
    busy.set(true);
    connectAndJoin(address, name, target, limits.get());
  }

  private void connectAndJoin(ServerAddress address, String name, String target, ServerLimits known) {
    String serverText = server.get().strip();
    connector
        .connect(address)
        // A failure to connect is about the server address; a refused join is about the name.
        .exceptionally(failure -> {
          throw new ConnectFailure(failure);
        })
        .thenCompose(
            connection ->
                connection
                    .join(name, target)
                    .whenComplete((done, failure) -> closeOnFailure(connection, failure))
                    .thenApply(done -> new ChatSession(connection, name, target, serverText, known)))
        .whenCompleteAsync(
            (session, failure) -> {
              busy.set(false);
              if (failure != null) {
                fail(failure);
              } else {
                preferences.remember(serverText, name, target);
                onJoined.accept(session);
              }
            },
            ui);
  }

  private void fail(Throwable failure) {
    if (failure.getCause() instanceof ConnectFailure connect) {
      fail(RequestFailedException.reasonOf(connect.getCause()), JoinField.SERVER);
      return;
    }
    RequestFailedException refusal = RequestFailedException.of(failure);
    fail(refusal.getMessage(), fieldFor(refusal));
  }

  /**
   * Where the user goes to fix a refused join, by its code: the name for a name the server will not take (a
   * name or room over the server's rules is caught before sending, so {@code invalid} is about the name too);
   * the server field when it did not answer; nowhere for a refusal to try again later (rate, unavailable).
   */
  private static JoinField fieldFor(RequestFailedException refusal) {
    if (!refusal.refusedByServer()) {
      return JoinField.SERVER;
    }
    ErrorCode code = refusal.code() == null ? ErrorCode.INVALID : refusal.code();
    return switch (code) {
      case NAME_TAKEN, RESERVED_NAME, INVALID -> JoinField.USERNAME;
      default -> null;
    };
  }

  /** Shows the problem and sends the user to {@code field}; null leaves the focus where it is. */
  private void fail(String problem, JoinField field) {
    error.set(problem);
    if (field != null) {
      focuser.accept(field);
    }
  }

  /** Marks a failure of the connect step, so it is told apart from a refused join. */
  private static final class ConnectFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectFailure(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  private static void closeOnFailure(ChatConnection connection, Throwable failure) {
    if (failure != null) {
      connection.close();
    }
  }

  private static String validate(String name, String target) {
    if (name.isEmpty() && target.isEmpty()) {
      return "Enter a username and a room";
    }
    if (name.isEmpty()) {
      return "Enter a username";
    }
    if (target.isEmpty()) {
      return "Enter a room name";
    }
    return null;
  }

  private static String firstNonBlank(String preferred, String fallback) {
    return preferred != null && !preferred.isBlank() ? preferred : fallback;
  }

  public StringProperty serverProperty() {
    return server;
  }

  public StringProperty usernameProperty() {
    return username;
  }

  public StringProperty roomProperty() {
    return room;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ObservableList<ActiveRooms.Room> rooms() {
    return rooms;
  }

  /** The server's name limits, for the fields' maximum lengths. */
  public ReadOnlyObjectProperty<ServerLimits> limitsProperty() {
    return limits.getReadOnlyProperty();
  }
}
