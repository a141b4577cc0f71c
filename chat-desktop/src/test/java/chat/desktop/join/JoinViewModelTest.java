package chat.desktop.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.chat.ChatSession;
import chat.desktop.net.ServerLimits;
import chat.desktop.net.RequestFailedException;
import chat.desktop.net.RoomDirectory;
import chat.desktop.net.ServerAddress;
import chat.desktop.testing.FakeChatConnection;
import chat.desktop.testing.InMemoryPreferences;
import chat.desktop.ui.UiThread;
import chat.protocol.ErrorCode;
import chat.protocol.ActiveRooms;
import chat.protocol.ClientMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class JoinViewModelTest {
  private final InMemoryPreferences store = new InMemoryPreferences();
  private final JoinPreferences preferences = new JoinPreferences(store);
  private final FakeChatConnection connection = new FakeChatConnection();
  private final List<ServerAddress> connectedTo = new ArrayList<>();
  private final List<ChatSession> joined = new ArrayList<>();
  private CompletableFuture<List<ActiveRooms.Room>> rooms = new CompletableFuture<>();
  private CompletableFuture<chat.desktop.net.ChatConnection> connecting =
      CompletableFuture.completedFuture(connection);
  private final List<JoinField> focused = new ArrayList<>();
  private CompletableFuture<ServerLimits> limits = CompletableFuture.completedFuture(ServerLimits.DEFAULT);
  private final JoinViewModel model = new JoinViewModel(
      address -> {
        connectedTo.add(address);
        return connecting;
      },
      new RoomDirectory() {
        @Override
        public CompletableFuture<List<ActiveRooms.Room>> activeRooms(ServerAddress address) {
          return rooms;
        }

        @Override
        public CompletableFuture<ServerLimits> limits(ServerAddress address) {
          return limits;
        }
      },
      preferences, UiThread.direct(), joined::add);

  {
    model.setFocuser(focused::add);
  }

  @Test
  void defaultsToTheLocalServer() {
    model.prefill(new JoinForm(null, null, null));
    assertEquals("http://localhost:3000", model.serverProperty().get());
    assertEquals("", model.usernameProperty().get());
  }

  @Test
  void prefillsRememberedFieldsButGivenOnesWin() {
    preferences.remember("http://chat.example:3000", "Alice", "lobby");
    model.prefill(new JoinForm(null, "Bob", null));
    assertEquals("http://chat.example:3000", model.serverProperty().get());
    assertEquals("Bob", model.usernameProperty().get());
    assertEquals("lobby", model.roomProperty().get());
  }

  @Test
  void joinsWithTrimmedNameAndRoomAndHandsOnTheSession() {
    fill("http://localhost:3000", " Alice ", " Lobby ");
    model.join();
    assertEquals(new ClientMessage.Join(1, "Alice", "Lobby"), connection.lastRequest().message());
    connection.lastRequest().answer().complete(null);
    assertEquals(1, joined.size());
    assertEquals("Alice", joined.get(0).username());
    assertFalse(model.busyProperty().get());
  }

  @Test
  void remembersTheFieldsAfterASuccessfulJoin() {
    fill("http://localhost:3000", "Alice", "lobby");
    model.join();
    connection.lastRequest().answer().complete(null);
    assertEquals("Alice", preferences.username());
    assertEquals("lobby", preferences.room());
  }

  @Test
  void isBusyUntilTheJoinIsAnswered() {
    fill("http://localhost:3000", "Alice", "lobby");
    model.join();
    assertTrue(model.busyProperty().get());
    model.join();
    assertEquals(1, connection.requests().size());
  }

  @Test
  void aRefusedJoinShowsTheErrorKeepsTheFieldsAndCloses() {
    fill("http://localhost:3000", "Bob", "lobby");
    model.join();
    connection.lastRequest().answer().completeExceptionally(new RequestFailedException("Username is in use!"));
    assertEquals("Username is in use!", model.errorProperty().get());
    assertEquals("Bob", model.usernameProperty().get());
    assertEquals("lobby", model.roomProperty().get());
    assertTrue(connection.isClosed());
    assertTrue(joined.isEmpty());
  }

  @Test
  void anUnreachableServerIsReportedInline() {
    connecting = CompletableFuture.failedFuture(new RequestFailedException("Cannot reach the chat server"));
    fill("http://localhost:1", "Alice", "lobby");
    model.join();
    assertEquals("Cannot reach the chat server", model.errorProperty().get());
    assertFalse(model.busyProperty().get());
  }

  @Test
  void missingFieldsAreReportedWithoutConnecting() {
    fill("http://localhost:3000", "  ", "lobby");
    model.join();
    assertEquals("Enter a username", model.errorProperty().get());
    assertTrue(connectedTo.isEmpty());
  }

  @Test
  void aBadServerAddressIsReportedWithoutConnecting() {
    fill("ftp://localhost", "Alice", "lobby");
    model.join();
    assertEquals("Use an http://, https://, ws:// or wss:// server address", model.errorProperty().get());
    assertTrue(connectedTo.isEmpty());
  }

  @Test
  void anUnreachableServerSendsFocusToTheServerField() {
    connecting = CompletableFuture.failedFuture(new RequestFailedException("Cannot reach the chat server"));
    fill("http://localhost:1", "Alice", "lobby");
    model.join();
    assertEquals(List.of(JoinField.SERVER), focused);
  }

  @Test
  void aBadServerAddressSendsFocusToTheServerField() {
    fill("ftp://localhost", "Alice", "lobby");
    model.join();
    assertEquals(List.of(JoinField.SERVER), focused);
  }

  @Test
  void aTakenNameSendsFocusToTheNameField() {
    fill("http://localhost:3000", "Bob", "lobby");
    model.join();
    connection.lastRequest().answer().completeExceptionally(
        RequestFailedException.refused("Username is in use!", ErrorCode.NAME_TAKEN, null));
    assertEquals(List.of(JoinField.USERNAME), focused);
  }

  @Test
  void aJoinRefusedForNowLeavesTheFocusWhereItIs() {
    fill("http://localhost:3000", "Bob", "lobby");
    model.join();
    connection.lastRequest().answer().completeExceptionally(
        RequestFailedException.refused("Could not save the message; try again", ErrorCode.UNAVAILABLE, null));
    assertEquals("Could not save the message; try again", model.errorProperty().get());
    assertEquals(List.of(), focused);
  }

  @Test
  void aJoinTheServerNeverAnsweredSendsFocusToTheServerField() {
    fill("http://localhost:3000", "Bob", "lobby");
    model.join();
    connection.lastRequest().answer().completeExceptionally(
        new RequestFailedException("The server did not answer in time"));
    assertEquals(List.of(JoinField.SERVER), focused);
  }

  @Test
  void aMissingRoomSendsFocusToTheRoomField() {
    fill("http://localhost:3000", "Alice", " ");
    model.join();
    assertEquals(List.of(JoinField.ROOM), focused);
  }

  @Test
  void activeRoomsFillTheRoomList() {
    fill("http://localhost:3000", "", "");
    model.refreshRooms();
    rooms.complete(List.of(new ActiveRooms.Room("lobby", 2)));
    assertEquals(List.of(new ActiveRooms.Room("lobby", 2)), model.rooms());
  }

  @Test
  void anUnchangedRoomListIsNotRedrawn() {
    fill("http://localhost:3000", "", "");
    rooms = CompletableFuture.completedFuture(List.of(new ActiveRooms.Room("lobby", 2)));
    model.refreshRooms();
    List<String> changes = new ArrayList<>();
    model.rooms().addListener((javafx.collections.ListChangeListener<ActiveRooms.Room>) c -> changes.add("changed"));
    model.refreshRooms();
    assertTrue(changes.isEmpty());
  }

  @Test
  void anUnavailableRoomListLeavesItEmpty() {
    fill("http://localhost:3000", "", "");
    model.refreshRooms();
    rooms.completeExceptionally(new RequestFailedException("down"));
    assertTrue(model.rooms().isEmpty());
  }

  @Test
  void theServersLimitsAreLoadedWithTheRoomsAndHandedToTheChat() {
    limits = CompletableFuture.completedFuture(new ServerLimits(20, 40));
    fill("http://localhost:3000", "Alice", "lobby");
    model.refreshRooms();
    assertEquals(new ServerLimits(20, 40), model.limitsProperty().get());
    model.join();
    connection.lastRequest().answer().complete(null);
    assertEquals(new ServerLimits(20, 40), joined.get(0).limits());
  }

  @Test
  void aServerThatCannotSayGetsTheDefaultLimits() {
    limits = CompletableFuture.completedFuture(new ServerLimits(20, 40));
    fill("http://localhost:3000", "", "");
    model.refreshRooms();
    limits = CompletableFuture.failedFuture(new RequestFailedException("down"));
    fill("http://localhost:4000", "", "");
    model.refreshRooms();
    assertEquals(ServerLimits.DEFAULT, model.limitsProperty().get());
  }

  private void fill(String server, String username, String room) {
    model.serverProperty().set(server);
    model.usernameProperty().set(username);
    model.roomProperty().set(room);
  }
}
