package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.RoomData;
import chat.protocol.testing.TestClient;
import chat.server.support.RunningServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JoinTest {
  @RegisterExtension final RunningServer running = new RunningServer();

  @Test
  void joinerGetsWelcomeThenRoomDataThenAck() {
    TestClient alice = running.connect();
    Ack ack = alice.join("Alice", "Lobby");

    assertTrue(ack.isOk());
    ChatMessage welcome = assertInstanceOf(ChatMessage.class, alice.next());
    assertEquals("Welcome!", welcome.text());
    assertEquals("Admin", welcome.username());
    assertTrue(welcome.system());
    assertNull(welcome.id(), "a notice to one connection carries no id");
    RoomData roomData = assertInstanceOf(RoomData.class, alice.next());
    assertEquals("lobby", roomData.room());
    assertEquals(List.of("Alice"), names(roomData));
  }

  @Test
  void othersGetJoinedNoticeWithIdThenTheNewUserList() {
    TestClient alice = running.joined("Alice", "lobby");
    running.connect().join("Bob", "lobby");

    ChatMessage joined = assertInstanceOf(ChatMessage.class, alice.next());
    assertEquals("Bob has joined!", joined.text());
    assertTrue(joined.system());
    assertNotNull(joined.id());
    alice.skipToUsers("Alice", "Bob");
  }

  @Test
  void joinerDoesNotGetItsOwnJoinedNotice() {
    TestClient alice = running.connect();
    alice.join("Alice", "lobby");

    assertEquals("Welcome!", ((ChatMessage) alice.next()).text());
    assertInstanceOf(RoomData.class, alice.next());
    assertTrue(alice.drain().isEmpty());
  }

  @Test
  void nameAndRoomAreTrimmedAndRoomIsShownLowerCased() {
    TestClient alice = running.connect();
    alice.join("  Alice  ", "  The LOBBY ");

    alice.next();
    RoomData roomData = assertInstanceOf(RoomData.class, alice.next());
    assertEquals("the lobby", roomData.room());
    assertEquals(List.of("Alice"), names(roomData));
  }

  @Test
  void roomsAreCaseInsensitive() {
    TestClient alice = running.joined("Alice", "Lobby");
    running.connect().join("Bob", "LOBBY");

    alice.skipToUsers("Alice", "Bob");
  }

  @Test
  void usernamesAreUniqueInARoomIgnoringCase() {
    running.joined("Alice", "lobby");

    assertEquals("Username is in use!", running.connect().join("aLiCe", "LOBBY").error());
  }

  @Test
  void theSameNameMayBeUsedInAnotherRoom() {
    running.joined("Alice", "lobby");

    assertTrue(running.connect().join("Alice", "kitchen").isOk());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Admin", "admin", "ADMIN", " aDmIn ", "\uFF21dmin", "Ad\u200Bmin"})
  void adminIsReservedInAnyCaseOrDisguise(String name) {
    assertEquals("The username Admin is reserved for the server", running.connect().join(name, "lobby").error());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t  "})
  void usernameIsRequired(String name) {
    assertEquals("Username and room are required!", running.connect().join(name, "lobby").error());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void roomIsRequired(String room) {
    assertEquals("Username and room are required!", running.connect().join("Alice", room).error());
  }

  @Test
  void usernameMayHaveUpTo32Characters() {
    assertTrue(running.connect().join("a".repeat(32), "lobby").isOk());
    assertEquals("Username must be at most 32 characters",
        running.connect().join("b".repeat(33), "lobby").error());
  }

  @Test
  void charactersAreCountedAsTheUserSeesThem() {
    String emoji = "\uD83D\uDE00".repeat(32);
    assertTrue(running.connect().join(emoji, "lobby").isOk());
  }

  @Test
  void roomMayHaveUpTo64Characters() {
    assertTrue(running.connect().join("Alice", "r".repeat(64)).isOk());
    assertEquals("Room must be at most 64 characters", running.connect().join("Bob", "r".repeat(65)).error());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Al\u0000ice", "Al\nice", "Al\u007Fice", "Al\u0085ice", "Al\u009Bice"})
  void controlCharactersInNamesAreRefused(String name) {
    assertEquals("Username must not contain control characters", running.connect().join(name, "lobby").error());
  }

  @Test
  void controlCharactersInRoomsAreRefused() {
    assertEquals("Room must not contain control characters",
        running.connect().join("Alice", "lob\u0007by").error());
  }

  @Test
  void markupInANameIsJustText() {
    TestClient mallory = running.connect();
    assertTrue(mallory.join("<img src=x onerror=alert(1)>", "lobby").isOk());
    mallory.next();
    assertEquals(List.of("<img src=x onerror=alert(1)>"), names((RoomData) mallory.next()));
  }

  @Test
  void secondJoinMovesTheUserToTheNewRoom() {
    TestClient alice = running.joined("Alice", "lobby");
    TestClient bob = running.joined("Bob", "lobby");
    alice.skipToUsers("Alice", "Bob");

    assertTrue(bob.join("Bob", "kitchen").isOk());

    assertEquals("Bob has left!", alice.skipTo(ChatMessage.class, m -> m.system()).text());
    alice.skipToUsers("Alice");
    assertEquals(List.of("Bob"), running.server().rooms().usernames("kitchen"));
  }

  @Test
  void failedSecondJoinLeavesTheUserWhereItWas() {
    running.joined("Carol", "kitchen");
    TestClient bob = running.joined("Bob", "lobby");

    assertEquals("Username is in use!", bob.join("Carol", "kitchen").error());
    assertEquals(List.of("Bob"), running.server().rooms().usernames("lobby"));
    assertTrue(bob.say("still here").isOk());
  }

  @Test
  void joiningTheSameRoomAgainGreetsAgainWithoutNotices() {
    TestClient alice = running.joined("Alice", "lobby");
    TestClient bob = running.joined("Bob", "lobby");
    alice.skipToUsers("Alice", "Bob");

    assertTrue(bob.join("Bob", "Lobby").isOk());
    assertEquals("Welcome!", bob.skipTo(ChatMessage.class, ChatMessage::system).text());
    bob.skipToUsers("Alice", "Bob");
    assertTrue(alice.say("ping").isOk());
    assertEquals("ping", alice.skipTo(ChatMessage.class, m -> !m.system()).text(),
        "Alice saw no left or joined notice for Bob's repeated join");
  }

  @Test
  void changingTheNameInTheSameRoomIsALeaveAndAJoin() {
    TestClient alice = running.joined("Alice", "lobby");
    TestClient bob = running.joined("Bob", "lobby");
    alice.skipToUsers("Alice", "Bob");

    assertTrue(bob.join("Robert", "lobby").isOk());
    assertEquals("Bob has left!", alice.skipTo(ChatMessage.class, ChatMessage::system).text());
    assertEquals("Robert has joined!", alice.skipTo(ChatMessage.class, ChatMessage::system).text());
    alice.skipToUsers("Alice", "Robert");
    assertFalse(running.server().rooms().usernames("lobby").contains("Bob"));
  }

  private static List<String> names(RoomData roomData) {
    return roomData.users().stream().map(u -> u.username()).toList();
  }
}
