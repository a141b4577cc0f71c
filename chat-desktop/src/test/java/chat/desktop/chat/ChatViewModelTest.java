package chat.desktop.chat;

import static chat.desktop.chat.ChatFixture.notice;
import static chat.desktop.chat.ChatFixture.roomData;
import static chat.desktop.chat.ChatFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.net.ConnectionState;
import chat.desktop.net.ConnectionStatus;
import chat.desktop.net.RequestFailedException;
import chat.protocol.ClientMessage;
import chat.protocol.ServerMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatViewModelTest {
  private final ChatFixture fixture = new ChatFixture();
  private final ChatViewModel model = fixture.model;

  @Test
  void messagesThatArrivedDuringTheJoinAreShownFirst() {
    ChatFixture early = new ChatFixture(false);
    early.connection.receive(notice("Welcome!"));
    early.connection.receive(roomData("lobby", "Alice"));
    early.model.start();
    assertEquals(List.of("Welcome!"), early.model.entries().stream().map(ChatEntry::text).toList());
    assertEquals(List.of("Alice"), early.model.users());
  }

  @Test
  void sidebarListsTheRoomsUsersInJoinOrder() {
    fixture.connection.receive(roomData("lobby", "Alice", "Bob", "Carol"));
    fixture.connection.receive(roomData("lobby", "Alice", "Carol"));
    assertEquals(List.of("Alice", "Carol"), model.users());
  }

  @Test
  void roomNameFollowsTheServersSpelling() {
    fixture.connection.receive(roomData("lobby", "Alice"));
    assertEquals("lobby", model.roomProperty().get());
    assertEquals("lobby — Chat", model.titleProperty().get());
  }

  @Test
  void ownMessagesAreMarkedOwnAndOthersAreNot() {
    fixture.connection.receive(text("alice", "mine"));
    fixture.connection.receive(text("Bob", "theirs"));
    assertTrue(model.entries().get(0).own());
    assertFalse(model.entries().get(1).own());
  }

  @Test
  void systemNoticesAreNeverOwn() {
    fixture.connection.receive(notice("Alice has joined!"));
    assertEquals(ChatEntry.Kind.SYSTEM, model.entries().get(0).kind());
    assertFalse(model.entries().get(0).own());
  }

  @Test
  void locationMessagesBecomeLinkEntries() {
    fixture.connection.receive(new ServerMessage.LocationMessage(
        3, "Bob", 51.5, -0.12, "https://www.google.com/maps?q=51.5,-0.12", 1L));
    ChatEntry entry = model.entries().get(0);
    assertEquals(ChatEntry.Kind.LOCATION, entry.kind());
    assertEquals("My current location", entry.text());
    assertTrue(entry.hasSafeLink());
  }

  @Test
  void aHistoryFrameChangesNothingUntilHistoriesAreShown() {
    fixture.connection.receive(roomData("lobby", "Alice"));
    fixture.connection.receive(new ServerMessage.History(null, "lobby", "e1",
        List.of(new ServerMessage.ChatMessage(41L, "Bob", "earlier", 1L, false)), true, null));
    assertEquals(List.of(), model.entries());
    assertEquals(List.of("Alice"), model.users());
    assertEquals("", model.errorProperty().get());
  }

  @Test
  void serverErrorFramesShowInTheErrorLine() {
    fixture.connection.receive(new ServerMessage.ErrorMessage("Malformed JSON"));
    assertEquals("Malformed JSON", model.errorProperty().get());
  }

  @Test
  void composerIsOfflineWhileReconnecting() {
    fixture.connection.changeStatus(new ConnectionStatus(ConnectionState.RECONNECTING, "retrying in 1.0 s"));
    assertFalse(model.onlineProperty().get());
    assertEquals("Offline — reconnecting… (retrying in 1.0 s)", model.statusText().get());
  }

  @Test
  void losingAndRegainingTheConnectionAddsNotices() {
    fixture.connection.changeStatus(ConnectionStatus.of(ConnectionState.RECONNECTING));
    fixture.connection.changeStatus(ConnectionStatus.of(ConnectionState.ONLINE));
    assertEquals(List.of("Connection lost. Reconnecting…", "Reconnected to lobby."),
        model.entries().stream().map(ChatEntry::text).toList());
    assertTrue(model.onlineProperty().get());
  }

  @Test
  void switchingRoomsJoinsTheNewRoomOnTheSameConnection() {
    fixture.connection.receive(text("Bob", "old room"));
    model.switchRoom(" Kitchen ");
    assertEquals(new ClientMessage.Join(1, "Alice", "Kitchen"), fixture.connection.lastRequest().message());
    assertTrue(model.entries().isEmpty());
  }

  @Test
  void aRefusedSwitchShowsWhy() {
    model.switchRoom("kitchen");
    fixture.connection.lastRequest().answer().completeExceptionally(
        new RequestFailedException("Username is in use!"));
    assertEquals("Could not switch to kitchen: Username is in use!", model.errorProperty().get());
  }

  @Test
  void leavingClosesTheConnectionAndHandsBackTheRoom() {
    fixture.connection.receive(roomData("lobby", "Alice"));
    model.leave();
    assertTrue(fixture.connection.isClosed());
    assertEquals("lobby", fixture.left.get(0).room());
    assertEquals("Alice", fixture.left.get(0).username());
  }

  @Test
  void theListKeepsOnlyTheNewestEntries() {
    for (int i = 0; i < ChatViewModel.MAX_ENTRIES + 5; i++) {
      fixture.connection.receive(text("Bob", "m" + i));
    }
    assertEquals(ChatViewModel.MAX_ENTRIES, model.entries().size());
    assertEquals("m5", model.entries().get(0).text());
  }
}
