package chat.server.room;

import static chat.server.room.RoomJoinRulesTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.LocationMessage;
import chat.server.room.RecordingPeer.Received;
import chat.server.room.RecordingPeer.Via;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages and positions: who gets them, with which ids, in which order, and which are refused. */
class RoomMessageRulesTest {
  @RegisterExtension final RoomHarness rooms = new RoomHarness();

  @Test
  void aMessageGoesToTheWholeRoomSenderIncluded() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    alice.peer().clear();

    assertTrue(alice.say("hi").isOk());

    ChatMessage own = assertInstanceOf(ChatMessage.class, alice.peer().delivered().get(0));
    assertEquals("Alice", own.username());
    assertEquals("hi", own.text());
    assertEquals(List.of(own), bob.peer().delivered(), "the same message, id included, exactly once");
  }

  @Test
  void theSenderGetsItsCopyBeforeItsAck() {
    FakeConnection alice = rooms.joined("Alice", "lobby");

    Ack ack = alice.say("first");

    List<Received> timeline = alice.peer().timeline();
    assertEquals(2, timeline.size(), timeline.toString());
    assertEquals(Via.DELIVER, timeline.get(0).via());
    assertEquals("first", ((ChatMessage) timeline.get(0).message()).text());
    assertEquals(new Received(Via.SEND, ack), timeline.get(1));
  }

  @Test
  void idsAreConsecutiveInTheOrderTheRoomReceivesThem() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    bob.say("one");
    alice.share(1, 2);
    alice.say("three");

    List<Long> ids = alice.peer().delivered().stream().map(RoomMessageRulesTest::id).filter(id -> id > 0)
        .toList();
    long first = ids.get(0);
    assertEquals(List.of(first, first + 1, first + 2, first + 3), ids, "joined notice, then three messages");
    assertEquals(ids.subList(1, 4), bob.peer().delivered().stream().map(RoomMessageRulesTest::id).toList());
  }

  @Test
  void theTextIsTrimmed() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    alice.say("  hi there \n");

    assertEquals(List.of("hi there"), texts(alice.peer().delivered()));
  }

  @Test
  void aLocationGoesToTheWholeRoomWithAMapLinkTheServerBuilt() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    alice.peer().clear();

    assertTrue(bob.share(51.5007, -0.1246).isOk());

    LocationMessage location = assertInstanceOf(LocationMessage.class, alice.peer().delivered().get(0));
    assertEquals("Bob", location.username());
    assertEquals(51.5007, location.latitude());
    assertEquals(-0.1246, location.longitude());
    assertEquals("https://www.google.com/maps?q=51.5007,-0.1246", location.url());
    assertEquals(List.of(location), bob.peer().delivered());
  }

  static Stream<String> refusedTexts() {
    return Stream.of("", "   ", "you bastard", "x".repeat(2001));
  }

  @ParameterizedTest
  @MethodSource("refusedTexts")
  void aRefusedMessageGetsExactlyOneAckErrorAndReachesNobody(String text) {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection bob = rooms.joined("Bob", "lobby");
    alice.peer().clear();

    Ack ack = bob.say(text);

    assertNotNull(ack.error());
    assertEquals(List.of(ack), bob.peer().sent());
    assertEquals(List.of(), bob.peer().delivered());
    assertEquals(List.of(), alice.peer().timeline());
  }

  @ParameterizedTest
  @ValueSource(doubles = {90.5, -91, Double.NaN, Double.POSITIVE_INFINITY})
  void aRefusedPositionGetsExactlyOneAckErrorAndReachesNobody(double latitude) {
    FakeConnection alice = rooms.joined("Alice", "lobby");

    Ack ack = alice.share(latitude, 0);

    assertEquals("Latitude must be a number from -90 to 90", ack.error());
    assertEquals(List.of(new Received(Via.SEND, ack)), alice.peer().timeline());
  }

  @Test
  void aLongitudeOutOfRangeIsRefused() {
    assertEquals("Longitude must be a number from -180 to 180",
        rooms.joined("Alice", "lobby").share(0, 180.5).error());
  }

  @Test
  void messagesAndPositionsBeforeAJoinAreRefused() {
    FakeConnection stranger = rooms.connect();

    assertEquals(Rejection.JOIN_FIRST.text(), stranger.say("hello").error());
    assertEquals(Rejection.JOIN_FIRST.text(), stranger.share(1, 2).error());
    assertEquals(2, stranger.peer().timeline().size(), "just the two acks");
  }

  @Test
  void nothingCrossesRooms() {
    FakeConnection alice = rooms.joined("Alice", "lobby");
    FakeConnection carol = rooms.joined("Carol", "kitchen");

    carol.say("kitchen talk");
    rooms.joined("Dave", "kitchen");

    assertEquals(List.of(), alice.peer().timeline());
  }

  private static long id(ServerMessage message) {
    if (message instanceof ChatMessage chat) {
      return chat.id() == null ? 0 : chat.id();
    }
    return message instanceof LocationMessage location ? location.id() : 0;
  }
}
