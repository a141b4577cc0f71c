package chat.desktop.chat;

import chat.desktop.location.GeoPosition;
import chat.desktop.location.LocationPrompt;
import chat.desktop.location.SavedLocation;
import chat.desktop.testing.FakeChatConnection;
import chat.desktop.testing.InMemoryPreferences;
import chat.desktop.ui.UiThread;
import chat.protocol.RoomUser;
import chat.protocol.ServerMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A chat view-model for "Alice" in "lobby" over a fake connection, with a scripted location prompt. */
final class ChatFixture implements LocationPrompt {
  final FakeChatConnection connection = new FakeChatConnection();
  final SavedLocation saved = new SavedLocation(new InMemoryPreferences());
  final List<CompletableFuture<Optional<GeoPosition>>> prompts = new ArrayList<>();
  final List<ChatSession> left = new ArrayList<>();
  final ChatViewModel model;
  int scrolls;

  ChatFixture() {
    this(true);
  }

  ChatFixture(boolean startNow) {
    model = new ChatViewModel(new ChatSession(connection, "Alice", "lobby", "http://localhost:3000"),
        UiThread.direct(), new LocationServices(saved, saved, this),
        Clock.fixed(Instant.parse("2026-11-21T16:07:00Z"), ZoneOffset.UTC), left::add);
    model.scroll().setScroller(() -> scrolls++);
    if (startNow) {
      model.start();
    }
  }

  @Override
  public CompletableFuture<Optional<GeoPosition>> ask(Optional<GeoPosition> current) {
    CompletableFuture<Optional<GeoPosition>> answer = new CompletableFuture<>();
    prompts.add(answer);
    return answer;
  }

  /** Each fixture message gets the next id, as a room's messages do. */
  private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong(100);
  /** The fixture's clock: 2026-11-21 16:07 UTC. */
  static final long NOW = Instant.parse("2026-11-21T16:07:00Z").toEpochMilli();

  static ServerMessage.ChatMessage text(String username, String text) {
    return new ServerMessage.ChatMessage(IDS.incrementAndGet(), username, text, NOW, false);
  }

  static ServerMessage.ChatMessage text(long id, String username, String text, long createdAt) {
    return new ServerMessage.ChatMessage(id, username, text, createdAt, false);
  }

  /** A join's history (no ref). */
  static ServerMessage.History joinHistory(String room, boolean hasMore, Boolean recovered,
      ServerMessage... messages) {
    return new ServerMessage.History(null, room, "e1", List.of(messages), hasMore, recovered);
  }

  /** A page answering a loadHistory. */
  static ServerMessage.History page(boolean hasMore, ServerMessage... messages) {
    return new ServerMessage.History(7L, "lobby", "e1", List.of(messages), hasMore, null);
  }

  /** The rows that are messages (no day separators, dividers or outbox rows). */
  List<ChatEntry> messages() {
    return model.entries().stream().filter(ChatEntry::isMessage).toList();
  }

  List<String> messageTexts() {
    return messages().stream().map(ChatEntry::text).toList();
  }

  List<String> texts() {
    return model.entries().stream().map(ChatEntry::text).toList();
  }

  static ServerMessage.ChatMessage notice(String text) {
    return new ServerMessage.ChatMessage(null, "Admin", text, NOW, true);
  }

  static ServerMessage.RoomData roomData(String room, String... users) {
    return new ServerMessage.RoomData(room, Arrays.stream(users).map(RoomUser::new).toList());
  }
}
