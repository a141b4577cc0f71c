package chat.desktop.chat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The message list's rows. It keeps the room's messages in order, each id once, with the dividers between
 * them ("Some messages could not be loaded", "New"), and derives the rows the list shows: "This is the
 * beginning of #room" on top once the first message is loaded, a day separator above each day's first
 * message, messages of one sender within {@link #GROUP_WINDOW_MS} grouped under one name and time, and the
 * outbox at the bottom. Appending, the hot path, only adds rows at the end; anything else rebuilds them.
 */
final class Timeline {
  /** Consecutive messages of one sender closer than this share one name and time. */
  static final long GROUP_WINDOW_MS = 5 * 60_000;
  /** Past this many messages the oldest are dropped (they can be paged in again), a batch at a time. */
  static final int MAX_MESSAGES = 20_000;
  static final int TRIM_BATCH = 2_000;

  private final DayNames days;
  private final ObservableList<ChatEntry> rows = FXCollections.observableArrayList();
  private final List<ChatEntry> items = new ArrayList<>(); // messages and dividers; no day rows, no outbox
  private final Set<Long> ids = new HashSet<>();
  private final Set<String> clientIds = new HashSet<>();
  private List<ChatEntry> outbox = List.of();
  private String room = "";
  private boolean beginning;
  private int messages;
  private RowWriter tail = new RowWriter();

  Timeline(DayNames days) {
    this.days = days;
  }

  ObservableList<ChatEntry> rows() {
    return rows;
  }

  /** Starts the list afresh with a room's latest messages (a join, a room switch). */
  void reset(String room, List<ChatEntry> latest, boolean hasMore) {
    this.room = room;
    items.clear();
    ids.clear();
    clientIds.clear();
    messages = 0;
    beginning = !hasMore;
    latest.forEach(this::remember);
    rebuild();
  }

  /** Adds a message at the end (above the outbox); false when that id is shown already. */
  boolean append(ChatEntry entry) {
    if (!remember(entry)) {
      return false;
    }
    List<ChatEntry> added = new ArrayList<>(2);
    tail.write(entry, added);
    rows.addAll(rows.size() - outbox.size(), added);
    if (messages > MAX_MESSAGES) {
      trimOldest();
    }
    return true;
  }

  /**
   * Adds an older page on top; {@code hasMore} false means the page starts the room's history. Returns how many
   * rows were added above the rows that were there, so the view can keep its reading position.
   */
  int prepend(List<ChatEntry> page, boolean hasMore) {
    int before = rows.size();
    List<ChatEntry> older = new ArrayList<>();
    for (ChatEntry entry : page) {
      if (entry.id() == null || ids.add(entry.id())) {
        older.add(entry);
        noteClientId(entry);
      }
    }
    messages += older.size();
    items.addAll(0, older);
    beginning = !hasMore;
    rebuild();
    return rows.size() - before;
  }

  /** History could not be recovered: a divider, then the room's latest messages after it. */
  void appendGap(List<ChatEntry> latest) {
    List<ChatEntry> fresh = latest.stream().filter(entry -> entry.id() == null || !ids.contains(entry.id())).toList();
    Long firstAfter = fresh.isEmpty() ? null : fresh.get(0).id();
    items.add(ChatEntry.marker(ChatEntry.Kind.GAP, "Some messages could not be loaded", firstAfter, 0));
    List<ChatEntry> added = new ArrayList<>();
    tail.write(items.get(items.size() - 1), added);
    rows.addAll(rows.size() - outbox.size(), added);
    fresh.forEach(this::append);
  }

  /**
   * Puts a page of what was missing below a gap divider: the divider goes once the page reaches the messages
   * above it (or the room's start), else it moves up above the page.
   */
  void fillGap(ChatEntry gap, List<ChatEntry> page, boolean hasMore) {
    int at = items.indexOf(gap);
    if (at < 0) {
      return;
    }
    Long lastAbove = lastIdBefore(at);
    List<ChatEntry> missing = new ArrayList<>();
    boolean reached = !hasMore || page.isEmpty();
    for (ChatEntry entry : page) {
      if (lastAbove != null && entry.id() != null && entry.id() <= lastAbove) {
        reached = true;
      } else if (entry.id() != null && ids.add(entry.id())) {
        missing.add(entry);
        noteClientId(entry);
      }
    }
    reached |= missing.isEmpty();
    messages += missing.size();
    items.addAll(at + 1, missing);
    if (reached) {
      items.remove(at);
    } else {
      items.set(at, ChatEntry.marker(ChatEntry.Kind.GAP, gap.text(), missing.get(0).id(), 0));
    }
    rebuild();
  }

  /** Moves the "New" divider to the end: the messages appended next are the unread ones. */
  void markNew() {
    if (items.removeIf(item -> item.kind() == ChatEntry.Kind.NEW)) {
      rebuild();
    }
    ChatEntry marker = ChatEntry.marker(ChatEntry.Kind.NEW, "New", null, 0);
    items.add(marker);
    List<ChatEntry> added = new ArrayList<>(1);
    tail.write(marker, added);
    rows.addAll(rows.size() - outbox.size(), added);
  }

  /** Replaces the outbox rows at the bottom. */
  void showOutbox(List<ChatEntry> waiting) {
    rows.remove(rows.size() - outbox.size(), rows.size());
    outbox = List.copyOf(waiting);
    rows.addAll(outbox);
  }

  int outboxSize() {
    return outbox.size();
  }

  /** The oldest message id loaded, where the next older page ends; null before any. */
  Long oldestId() {
    return items.stream().map(ChatEntry::id).filter(id -> id != null).findFirst().orElse(null);
  }

  /** The newest message id shown; null before any. */
  Long newestId() {
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.get(i).id() != null && items.get(i).isMessage()) {
        return items.get(i).id();
      }
    }
    return null;
  }

  boolean hasMore() {
    return !beginning;
  }

  String room() {
    return room;
  }

  boolean showsClientId(String clientId) {
    return clientId != null && clientIds.contains(clientId);
  }

  int messageCount() {
    return messages;
  }

  private boolean remember(ChatEntry entry) {
    if (entry.id() != null && !ids.add(entry.id())) {
      return false;
    }
    noteClientId(entry);
    items.add(entry);
    messages++;
    return true;
  }

  private void noteClientId(ChatEntry entry) {
    if (entry.clientId() != null && entry.own()) {
      clientIds.add(entry.clientId());
    }
  }

  private Long lastIdBefore(int index) {
    for (int i = index - 1; i >= 0; i--) {
      if (items.get(i).id() != null && items.get(i).isMessage()) {
        return items.get(i).id();
      }
    }
    return null;
  }

  private void trimOldest() {
    int dropped = 0;
    while (!items.isEmpty() && (dropped < TRIM_BATCH || !items.get(0).isMessage())) {
      ChatEntry gone = items.remove(0);
      if (gone.isMessage()) {
        dropped++;
        ids.remove(gone.id());
      }
    }
    messages -= dropped;
    beginning = false;
    rebuild();
  }

  private void rebuild() {
    List<ChatEntry> built = new ArrayList<>(items.size() + items.size() / 8 + outbox.size() + 1);
    if (beginning) {
      built.add(ChatEntry.marker(ChatEntry.Kind.BEGINNING, "This is the beginning of #" + room, null, 0));
    }
    tail = new RowWriter();
    for (ChatEntry item : items) {
      tail.write(item, built);
    }
    built.addAll(outbox);
    rows.setAll(built);
  }

  /** Writes items as rows in order, remembering what the next one is grouped with. */
  private final class RowWriter {
    private ChatEntry previous; // the last message written, unless a divider came after it
    private LocalDate day; // the day of the last message written; null after a gap

    void write(ChatEntry item, List<ChatEntry> out) {
      if (!item.isMessage()) {
        out.add(item);
        previous = null;
        if (item.kind() == ChatEntry.Kind.GAP) {
          day = null;
        }
        return;
      }
      LocalDate itemDay = days.dayOf(item.createdAt());
      boolean newDay = !itemDay.equals(day);
      if (newDay) {
        out.add(ChatEntry.marker(ChatEntry.Kind.DAY, days.name(itemDay), null, item.createdAt()));
      }
      out.add(item.continuing(!newDay && grouped(previous, item)));
      previous = item;
      day = itemDay;
    }
  }

  private static boolean grouped(ChatEntry previous, ChatEntry next) {
    return previous != null && previous.kind() != ChatEntry.Kind.SYSTEM && next.kind() != ChatEntry.Kind.SYSTEM
        && previous.username().equalsIgnoreCase(next.username())
        && next.createdAt() - previous.createdAt() < GROUP_WINDOW_MS;
  }
}
