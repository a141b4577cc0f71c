package chat.desktop.chat;

import chat.desktop.net.ChatConnection;
import chat.desktop.net.ConnectionState;
import chat.desktop.net.ConnectionStatus;
import chat.desktop.net.RequestFailedException;
import chat.desktop.ui.UiThread;
import chat.protocol.RoomUser;
import chat.protocol.ServerMessage;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chat window's state: messages, the room's users in join order, the connection state, and the parts
 * that act (composer, location sharing, scroll rule, unread count). Server events arrive on a network thread
 * and are applied on the {@link UiThread}.
 */
public final class ChatViewModel implements ChatConnection.Listener {
  private final ChatSession session;
  private final UiThread ui;
  private final Consumer<ChatSession> onLeft;
  private final Timeline timeline;
  private final RoomHistory history;
  private final Outbox outbox;
  private final ObservableList<String> users = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper room;
  private final ReadOnlyObjectWrapper<ConnectionStatus> status;
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanBinding online;
  private final Composer composer;
  private final LocationSharing location;
  private final ScrollFollower scroll = new ScrollFollower();
  private final Attention attention = new Attention();
  private final StringBinding title;

  public ChatViewModel(ChatSession session, UiThread ui, LocationServices locationServices, Clock clock,
      Consumer<ChatSession> onLeft) {
    this.session = session;
    this.ui = ui;
    this.onLeft = onLeft;
    this.room = new ReadOnlyStringWrapper(session.room());
    // The session's connection has just joined, so it starts from its current state, not from "connecting".
    this.status = new ReadOnlyObjectWrapper<>(session.connection().status());
    this.online = Bindings.createBooleanBinding(() -> status.get().isOnline(), status);
    this.timeline = new Timeline(new DayNames(clock));
    this.history = new RoomHistory(session.connection(), ui, timeline, session.username(),
        session.limits().maxHistoryPage(), error);
    this.outbox = new Outbox(session.connection(), ui, clock, online, session.username(), this::showOutbox);
    history.onShown(entry -> outbox.shown(entry.own() ? entry.clientId() : null));
    this.composer = new Composer(session.connection(), ui, online, error, outbox,
        session.limits().maxMessageLength(), timeline::showsClientId);
    this.location = new LocationSharing(session.connection(), ui, locationServices, online, error);
    this.title = attention.title(room);
  }

  /** Starts receiving events, including those that arrived while the join dialog was still up. */
  public void start() {
    session.connection().setListener(this);
  }

  @Override
  public void onServerMessage(ServerMessage message) {
    ui.execute(() -> apply(message));
  }

  @Override
  public void onStatusChanged(ConnectionStatus next) {
    ui.execute(() -> applyStatus(next));
  }

  /**
   * Moves this user to another room on the same connection. The list changes only when the new room's history
   * arrives, which the server sends only once it accepted the join; a refused switch changes nothing. While
   * the outbox holds a message of this room (sending, or refused and not yet edited or discarded) the switch
   * waits: the message was written for this room, and would otherwise be lost or posted in the other one.
   */
  public void switchRoom(String target) {
    String next = target == null ? "" : target.strip();
    if (next.isEmpty() || next.equalsIgnoreCase(room.get())) {
      return;
    }
    int unsent = outbox.waiting().size();
    if (unsent > 0) {
      error.set(unsentBeforeSwitch(unsent, room.get()));
      return;
    }
    error.set("");
    session
        .connection()
        .join(session.username(), next)
        .whenCompleteAsync(
            (done, failure) -> {
              if (failure != null) {
                error.set("Could not switch to " + next + ": " + RequestFailedException.reasonOf(failure));
              }
            },
            ui);
  }

  static String unsentBeforeSwitch(int unsent, String room) {
    return unsent == 1
        ? "Your message has not reached #" + room + " yet: switch rooms once it is sent or discarded."
        : "Your " + unsent + " messages have not reached #" + room
            + " yet: switch rooms once they are sent or discarded.";
  }

  /** Leaves the room and closes the connection; the app returns to the join dialog. */
  public void leave() {
    session.connection().close();
    onLeft.accept(new ChatSession(
        session.connection(), session.username(), room.get(), session.serverAddress(), session.limits()));
  }

  /** Closes the connection without going anywhere (the app is exiting). */
  public void leaveQuietly() {
    session.connection().close();
  }

  private void apply(ServerMessage message) {
    if (message instanceof ServerMessage.History joined && joined.ref() == null) {
      boolean fresh = !joined.room().equals(room.get()) || entries().isEmpty();
      history.joined(joined);
      room.set(joined.room());
      if (fresh) {
        scroll.jumpToLatest();
      } else {
        scroll.entryAdded(false);
      }
    } else if (message instanceof ServerMessage.ChatMessage chat && chat.id() == null) {
      history.notice(ChatEntry.of(chat, session.username()));
    } else if (message instanceof ServerMessage.ChatMessage || message instanceof ServerMessage.LocationMessage) {
      addLive(ChatEntry.ofRoomMessage(message, session.username()));
    } else if (message instanceof ServerMessage.RoomData data) {
      room.set(data.room());
      users.setAll(data.users().stream().map(RoomUser::username).toList());
    } else if (message instanceof ServerMessage.ErrorMessage problem) {
      error.set(problem.error());
    }
  }

  private void applyStatus(ConnectionStatus next) {
    status.set(next);
    if (next.isOnline()) {
      outbox.flush();
    }
  }

  /** The outbox's rows at the bottom; a new one is the user's own message, which is always scrolled to. */
  private void showOutbox(java.util.List<ChatEntry> waiting) {
    int before = timeline.outboxSize();
    timeline.showOutbox(waiting);
    if (waiting.size() > before) {
      scroll.entryAdded(true);
    }
  }

  /** A live message: the "New" divider goes above the first one that arrives unseen. */
  private void addLive(ChatEntry entry) {
    if (attention.startsUnread(entry)) {
      timeline.markNew();
    }
    if (history.append(entry)) {
      attention.entryAdded(entry);
      scroll.entryAdded(entry.own());
    }
  }

  /** The list's rows: messages, day separators, dividers and the outbox. */
  public ObservableList<ChatEntry> entries() {
    return timeline.rows();
  }

  public RoomHistory history() {
    return history;
  }

  public Outbox outbox() {
    return outbox;
  }

  /** "Edit" on a refused outbox message: its text goes back into the composer. */
  public void editUnsent(ChatEntry entry) {
    composer.restore(outbox.edit(entry));
  }

  public ObservableList<String> users() {
    return users;
  }

  /** The longest room name the server accepts, for the switch-room field. */
  public int maxRoomLength() {
    return session.limits().maxRoomLength();
  }

  public ReadOnlyStringProperty roomProperty() {
    return room.getReadOnlyProperty();
  }

  public String username() {
    return session.username();
  }

  public ReadOnlyObjectProperty<ConnectionStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** "Connected", "Reconnecting… (retrying in 1.0 s)", … */
  public StringBinding statusText() {
    return Bindings.createStringBinding(() -> describe(status.get()), status);
  }

  public BooleanBinding onlineProperty() {
    return online;
  }

  /** True while the connection waits to try again: the time to offer "Reconnect now". */
  public BooleanBinding reconnectingProperty() {
    return Bindings.createBooleanBinding(() -> status.get().state() == ConnectionState.RECONNECTING, status);
  }

  /** Tries to reconnect at once instead of after the wait. */
  public void reconnectNow() {
    session.connection().reconnectNow();
  }

  public StringProperty errorProperty() {
    return error;
  }

  public StringBinding titleProperty() {
    return title;
  }

  public Composer composer() {
    return composer;
  }

  public LocationSharing location() {
    return location;
  }

  public ScrollFollower scroll() {
    return scroll;
  }

  public Attention attention() {
    return attention;
  }

  private static String describe(ConnectionStatus status) {
    String detail = status.detail().isEmpty() ? "" : " (" + status.detail() + ")";
    switch (status.state()) {
      case ONLINE:
        return "Connected";
      case CONNECTING:
        return "Connecting…";
      case RECONNECTING:
        return "Connection lost. Reconnecting…" + detail;
      default:
        return "Not connected";
    }
  }
}
