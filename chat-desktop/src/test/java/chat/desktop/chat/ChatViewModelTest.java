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
import chat.protocol.ErrorCode;
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
    assertEquals(List.of("Welcome!"), early.messageTexts());
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
    assertEquals("#lobby — Chat App", model.titleProperty().get());
  }

  @Test
  void ownMessagesAreMarkedOwnAndOthersAreNot() {
    fixture.connection.receive(text("alice", "mine"));
    fixture.connection.receive(text("Bob", "theirs"));
    assertTrue(fixture.messages().get(0).own());
    assertFalse(fixture.messages().get(1).own());
  }

  @Test
  void systemNoticesAreNeverOwn() {
    fixture.connection.receive(notice("Alice has joined!"));
    assertEquals(ChatEntry.Kind.SYSTEM, fixture.messages().get(0).kind());
    assertFalse(fixture.messages().get(0).own());
  }

  @Test
  void locationMessagesBecomeLinkEntries() {
    fixture.connection.receive(new ServerMessage.LocationMessage(
        3, "Bob", 51.5, -0.12, "https://www.google.com/maps?q=51.5,-0.12", 1L));
    ChatEntry entry = fixture.messages().get(0);
    assertEquals(ChatEntry.Kind.LOCATION, entry.kind());
    assertEquals("My current location", entry.text());
    assertTrue(entry.hasSafeLink());
  }

  @Test
  void serverErrorFramesShowInTheErrorLine() {
    fixture.connection.receive(new ServerMessage.ErrorMessage("Malformed JSON"));
    assertEquals("Malformed JSON", model.errorProperty().get());
  }

  @Test
  void theStatusSaysWhenTheConnectionIsLost() {
    fixture.connection.changeStatus(new ConnectionStatus(ConnectionState.RECONNECTING, "retrying in 1.0 s"));
    assertFalse(model.onlineProperty().get());
    assertEquals("Connection lost. Reconnecting… (retrying in 1.0 s)", model.statusText().get());
  }

  @Test
  void reconnectNowIsOfferedOnlyWhileWaitingToReconnect() {
    assertFalse(model.reconnectingProperty().get());
    fixture.connection.changeStatus(new ConnectionStatus(ConnectionState.RECONNECTING, "retrying in 8.0 s"));
    assertTrue(model.reconnectingProperty().get());

    model.reconnectNow();

    assertEquals(1, fixture.connection.reconnectsAskedFor());
  }

  @Test
  void aReconnectLeavesNoSeamInTheList() {
    fixture.connection.receive(text("Bob", "before"));
    fixture.connection.changeStatus(ConnectionStatus.of(ConnectionState.RECONNECTING));
    fixture.connection.changeStatus(ConnectionStatus.of(ConnectionState.ONLINE));
    assertEquals(List.of("before"), fixture.messageTexts());
    assertTrue(model.onlineProperty().get());
  }

  @Test
  void switchingRoomsJoinsTheNewRoomOnTheSameConnection() {
    model.switchRoom(" Kitchen ");
    assertEquals(new ClientMessage.Join(1, "Alice", "Kitchen"), fixture.connection.lastRequest().message());
  }

  @Test
  void theListChangesOnlyWhenTheNewRoomsHistoryArrives() {
    fixture.connection.receive(ChatFixture.joinHistory("lobby", false, null, text("Bob", "old room")));
    model.switchRoom("kitchen");
    fixture.connection.receive(text("Bob", "still the old room"));
    assertEquals(List.of("old room", "still the old room"), fixture.messageTexts());
    fixture.connection.receive(ChatFixture.joinHistory("kitchen", false, null, text("Carol", "kitchen talk")));
    fixture.connection.receive(notice("Welcome!"));
    assertEquals(List.of("kitchen talk", "Welcome!"), fixture.messageTexts());
    assertEquals("kitchen", model.roomProperty().get());
  }

  @Test
  void aRefusedSwitchShowsWhyAndKeepsTheOldRoom() {
    fixture.connection.receive(ChatFixture.joinHistory("lobby", false, null, text("Bob", "old room")));
    fixture.connection.receive(roomData("lobby", "Alice", "Bob"));
    model.switchRoom("kitchen");
    fixture.connection.lastRequest().answer().completeExceptionally(
        RequestFailedException.refused("Username is in use!", ErrorCode.NAME_TAKEN, null));
    assertEquals("Could not switch to kitchen: Username is in use!", model.errorProperty().get());
    assertEquals(List.of("old room"), fixture.messageTexts());
    assertEquals("lobby", model.roomProperty().get());
    assertEquals(List.of("Alice", "Bob"), model.users());
  }

  @Test
  void leavingClosesTheConnectionAndHandsBackTheRoom() {
    fixture.connection.receive(roomData("lobby", "Alice"));
    model.leave();
    assertTrue(fixture.connection.isClosed());
    assertEquals("lobby", fixture.left.get(0).room());
    assertEquals("Alice", fixture.left.get(0).username());
  }
}
