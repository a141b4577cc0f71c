package chat.desktop.chat;

import chat.desktop.net.ChatConnection;
import chat.desktop.net.RequestFailedException;
import chat.desktop.ui.UiThread;
import chat.protocol.ServerMessage;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.StringProperty;

/**
 * Puts the room's histories into the {@link Timeline}: a join's (the first, after a room switch, after every
 * reconnect), and the older pages the user scrolls up to or asks for below a gap divider. A reconnect appends
 * what was missed, each id once, and never a second {@code Welcome!}; one whose gap could not be recovered adds
 * the divider and the latest page after it. One page is loaded at a time.
 */
public final class RoomHistory {
  static final int PAGE_SIZE = 50;

  private final ChatConnection connection;
  private final UiThread ui;
  private final Timeline timeline;
  private final String me;
  private final int pageSize;
  private final StringProperty error;
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private PositionKeeper keepPosition = IntSupplier::getAsInt;
  private Consumer<ChatEntry> shown = entry -> {};
  private boolean welcomeNext; // a join's history was just applied: its Welcome! follows
  private boolean greeted; // the list shows this room's Welcome! already
  private int generation; // moves on every fresh start, so a late page of the old list is dropped

  RoomHistory(ChatConnection connection, UiThread ui, Timeline timeline, String me, int maxPage,
      StringProperty error) {
    this.connection = connection;
    this.ui = ui;
    this.timeline = timeline;
    this.me = me;
    this.pageSize = Math.min(PAGE_SIZE, maxPage);
    this.error = error;
  }

  /** The view's way of keeping the reading position while rows go in above it. */
  @FunctionalInterface
  public interface PositionKeeper {
    /** Runs {@code addRowsAbove}, which returns how many rows it added above the rows that were there. */
    void keep(IntSupplier addRowsAbove);
  }

  /** Set by the view: how to keep the reading position when rows are added above it. */
  public void setPositionKeeper(PositionKeeper keepPosition) {
    this.keepPosition = Objects.requireNonNull(keepPosition);
  }

  /** Told of every message the timeline starts showing (the outbox drops its copy). */
  void onShown(Consumer<ChatEntry> shown) {
    this.shown = shown;
  }

  /** True while an older page is on its way. */
  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** A join's history: a fresh list for a new room, else what was missed since the last message shown. */
  void joined(ServerMessage.History history) {
    List<ChatEntry> page = entries(history);
    welcomeNext = true;
    if (!history.room().equals(timeline.room())) {
      generation++;
      greeted = false;
      timeline.reset(history.room(), page, history.hasMore());
      page.forEach(shown);
    } else if (Boolean.TRUE.equals(history.recovered()) || continuesTheList(page)) {
      page.forEach(this::append);
    } else {
      timeline.appendGap(page);
      page.forEach(shown);
    }
  }

  /** A notice without an id: a join's {@code Welcome!} is shown once per room, other notices always. */
  void notice(ChatEntry notice) {
    if (welcomeNext) {
      welcomeNext = false;
      if (greeted) {
        return;
      }
      greeted = true;
    }
    timeline.append(notice);
  }

  /** A live room message; false when it was shown already. */
  boolean append(ChatEntry entry) {
    if (!timeline.append(entry)) {
      return false;
    }
    shown.accept(entry);
    return true;
  }

  /** Loads the page before the oldest message shown, unless one is on its way or the start is shown. */
  public void loadOlder() {
    Long oldest = timeline.oldestId();
    if (loading.get() || !timeline.hasMore() || oldest == null) {
      return;
    }
    int started = generation;
    load(oldest, page -> {
      if (started == generation) {
        keepPosition.keep(() -> timeline.prepend(entries(page), page.hasMore()));
      }
    });
  }

  /** Loads what is missing under a gap divider, newest first. */
  public void loadGap(ChatEntry gap) {
    if (gap.kind() != ChatEntry.Kind.GAP || gap.id() == null || loading.get()) {
      return;
    }
    int started = generation;
    load(gap.id(), page -> {
      if (started == generation) {
        timeline.fillGap(gap, entries(page), page.hasMore());
      }
    });
  }

  private void load(long before, Consumer<ServerMessage.History> apply) {
    loading.set(true);
    connection.loadHistory(before, pageSize).whenCompleteAsync((page, failure) -> {
      loading.set(false);
      if (failure != null) {
        error.set("Could not load older messages: " + RequestFailedException.reasonOf(failure));
      } else {
        apply.accept(page);
      }
    }, ui);
  }

  /** A page that starts at or before the message after the last one shown leaves no hole. */
  private boolean continuesTheList(List<ChatEntry> page) {
    Long last = timeline.newestId();
    return last != null && !page.isEmpty() && page.get(0).id() != null && page.get(0).id() <= last + 1;
  }

  private List<ChatEntry> entries(ServerMessage.History history) {
    return history.messages().stream().map(message -> ChatEntry.ofRoomMessage(message, me)).toList();
  }
}
