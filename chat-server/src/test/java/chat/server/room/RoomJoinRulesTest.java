package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.RoomUser;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.RoomData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Joining a room: the greeting, who may use which name, and what the room hears. */
class RoomJoinRulesTest {
  @RegisterExtension final RoomHarness rooms = new RoomHarness();

  @Test
  void theJoinerIsSentItsHistoryWelcomeItsRoomDataThenTheAck() {
    FakeConnection alice = rooms.connect();

    assertTrue(alice.join("Alice", "Lobby").isOk());

    List<ServerMessage> sent = alice.peer().sent();
    assertEquals(4, sent.size(), sent.toString());
    assertInstanceOf(ServerMessage.History.class, sent.get(0));
    ChatMessage welcome = assertInstanceOf(ChatMessage.class, sent.get(1));
    assertEquals(new ChatMessage(null, "Admin", "Welcome!", welcome.createdAt(), true), welcome,
        "a system notice to one connection, with no id");
    assertEquals(new RoomData("lobby", List.of(new RoomUser("Alice"))), sent.get(2));
    assertInstanceOf(Ack.class, sent.get(3));
  }

  @Test
  void theJoinerIsDeliveredNothingOfItsOwnJoin() {
    rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.connect();
    bob.join("Bob", "lobby");

    assertEquals(List.of(), bob.peer().delivered());
  }

  @Test
  void theOthersGetAJoinedNoticeWithAnIdThenTheNewUserList() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    rooms.connect().join("Bob", "lobby");

    List<ServerMessage> delivered = alice.peer().delivered();
    assertEquals(2, delivered.size(), delivered.toString());
    ChatMessage joined = assertInstanceOf(ChatMessage.class, delivered.get(0));
    assertEquals("Bob has joined!", joined.text());
    assertEquals("Admin", joined.username());
    assertTrue(joined.system());
    assertNotNull(joined.id());
    assertEquals(names("Alice", "Bob"), delivered.get(1));
    assertEquals(List.of(), alice.peer().sent(), "nothing of Bob's join is a direct reply to Alice");
  }

  @Test
  void namesAndRoomsAreTrimmedAndRoomsLowerCased() {
    FakeConnection alice = rooms.connect();
    alice.join("  Alice  ", "  The LOBBY ");

    assertEquals(new RoomData("the lobby", List.of(new RoomUser("Alice"))), alice.peer().sent().get(2));
    assertEquals(List.of("Alice"), rooms.service().usernames("the lobby"));
  }

  @Test
  void roomNamesIgnoreCase() {
    FakeConnection alice = rooms.joined("Alice", "Lobby");
    rooms.connect().join("Bob", "LOBBY");

    assertEquals(names("Alice", "Bob"), alice.peer().delivered(RoomData.class).get(0));
  }

  @Test
  void aNameIsTakenInARoomIgnoringCase() {
    FakeConnection alice = rooms.joined("Alice", "lobby");

    assertEquals(Rejection.NAME_IN_USE.text(), rooms.connect().join("aLiCe", "LOBBY").error());
    assertEquals(List.of(), alice.peer().timeline(), "the room heard nothing");
  }

  @Test
  void theSameNameMayBeUsedInAnotherRoom() {
    rooms.joined("Alice", "lobby");

    assertTrue(rooms.connect().join("Alice", "kitchen").isOk());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Admin", "admin", " aDmIn ", "\uFF21dmin", "Ad\u200Bmin"})
  void adminIsReservedInAnyCaseOrDisguise(String name) {
    assertEquals(JoinValidator.RESERVED, rooms.connect().join(name, "lobby").error());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "\u0000", "Al\nice"})
  void anInvalidJoinGetsExactlyOneAckErrorAndNothingElse(String name) {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection mallory = rooms.connect();

    Ack ack = mallory.join(name, "lobby");

    assertNotNull(ack.error());
    assertEquals(List.of(ack), mallory.peer().sent());
    assertEquals(List.of(), mallory.peer().delivered());
    assertEquals(List.of(), alice.peer().timeline());
    assertEquals(List.of("Alice"), rooms.service().usernames("lobby"));
  }

  @Test
  void aSecondJoinMovesTheUserAndTheOldRoomHearsItLeave() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    alice.peer().clear();

    assertTrue(bob.join("Bob", "kitchen").isOk());

    List<ServerMessage> delivered = alice.peer().delivered();
    assertEquals("Bob has left!", assertInstanceOf(ChatMessage.class, delivered.get(0)).text());
    assertEquals(names("Alice"), delivered.get(1));
    assertEquals(List.of("Alice"), rooms.service().usernames("lobby"));
    assertEquals(List.of("Bob"), rooms.service().usernames("kitchen"));
  }

  @Test
  void aRefusedSecondJoinLeavesTheUserWhereItWas() {
    rooms.joined("Carol", "kitchen");
    FakeConnection bob = rooms.joined("Bob", "lobby");

    assertEquals(Rejection.NAME_IN_USE.text(), bob.join("Carol", "kitchen").error());

    assertEquals(List.of("Bob"), rooms.service().usernames("lobby"));
    assertTrue(bob.say("still here").isOk());
  }

  @Test
  void joiningAgainUnderTheSameNameGreetsAgainAndTellsNobody() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    alice.peer().clear();

    assertTrue(bob.join("Bob", "Lobby").isOk());

    List<ServerMessage> sent = bob.peer().sent();
    assertInstanceOf(ServerMessage.History.class, sent.get(0));
    assertEquals("Welcome!", assertInstanceOf(ChatMessage.class, sent.get(1)).text());
    assertEquals(names("Alice", "Bob"), sent.get(2));
    assertEquals(4, sent.size(), sent.toString());
    assertEquals(List.of(), bob.peer().delivered());
    assertEquals(List.of(), alice.peer().timeline());
  }

  @Test
  void changingTheNameInTheSameRoomIsALeaveAndAJoin() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    alice.peer().clear();

    assertTrue(bob.join("Robert", "lobby").isOk());

    assertEquals(List.of("Bob has left!", "Robert has joined!"), texts(alice.peer().delivered()));
    assertEquals(List.of("Alice", "Robert"), rooms.service().usernames("lobby"));
  }

  @Test
  void changingOnlyTheCaseOfTheNameInTheSameRoomIsAllowed() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    alice.peer().clear();

    assertTrue(bob.join("BOB", "lobby").isOk());

    assertEquals(List.of("Bob has left!", "BOB has joined!"), texts(alice.peer().delivered()));
    assertEquals(List.of("Alice", "BOB"), rooms.service().usernames("lobby"));
  }

  static RoomData names(String... usernames) {
    return new RoomData("lobby", List.of(usernames).stream().map(RoomUser::new).toList());
  }

  static List<String> texts(List<ServerMessage> messages) {
    return messages.stream().filter(ChatMessage.class::isInstance).map(m -> ((ChatMessage) m).text()).toList();
  }
}
