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

  static ServerMessage.ChatMessage text(String username, String text) {
    return new ServerMessage.ChatMessage(1L, username, text, 1_763_741_220_000L, false);
  }

  static ServerMessage.ChatMessage notice(String text) {
    return new ServerMessage.ChatMessage(null, "Admin", text, 1_763_741_220_000L, true);
  }

  static ServerMessage.RoomData roomData(String room, String... users) {
    return new ServerMessage.RoomData(room, Arrays.stream(users).map(RoomUser::new).toList());
  }
}
