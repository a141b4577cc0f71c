package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ClientMessage.Join;
import chat.protocol.ClientMessage.SendLocation;
import chat.protocol.ClientMessage.SendMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.ErrorMessage;
import chat.protocol.ServerMessage.LocationMessage;
import chat.protocol.ServerMessage.RoomData;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every message against its literal JSON, both ways. */
class ProtocolCodecTest {
  private final ProtocolCodec codec = new ProtocolCodec();

  @Test
  void join() throws ProtocolException {
    roundTrip(new Join(1, "Alice", "Lobby"), "{\"type\":\"join\",\"ref\":1,\"username\":\"Alice\",\"room\":\"Lobby\"}");
  }

  @Test
  void sendMessage() throws ProtocolException {
    roundTrip(new SendMessage(2, "hi"), "{\"type\":\"sendMessage\",\"ref\":2,\"text\":\"hi\"}");
  }

  @Test
  void sendLocation() throws ProtocolException {
    roundTrip(new SendLocation(3, 51.5007, -0.1246),
        "{\"type\":\"sendLocation\",\"ref\":3,\"latitude\":51.5007,\"longitude\":-0.1246}");
  }

  @Test
  void successfulAck() throws ProtocolException {
    roundTrip(Ack.ok(2), "{\"type\":\"ack\",\"ref\":2}");
  }

  @Test
  void failedAck() throws ProtocolException {
    roundTrip(Ack.failed(2, ErrorCode.PROFANITY, "Profanity is not allowed!"),
        "{\"type\":\"ack\",\"ref\":2,\"error\":\"Profanity is not allowed!\",\"code\":\"profanity\"}");
  }

  @Test
  void anUnknownCodeIsKeptAsTextAndReadAsNoKnownCode() throws ProtocolException {
    Ack ack = (Ack) codec.decodeServer("{\"type\":\"ack\",\"ref\":4,\"error\":\"No\",\"code\":\"from_the_future\"}");
    assertEquals("from_the_future", ack.code());
    assertEquals(Optional.empty(), ack.errorCode());
  }

  @Test
  void userMessage() throws ProtocolException {
    roundTrip(new ChatMessage(7L, "Alice", "hi", 1763750000000L, false),
        "{\"type\":\"message\",\"id\":7,\"username\":\"Alice\",\"text\":\"hi\",\"createdAt\":1763750000000}");
  }

  @Test
  void systemNoticeWithoutId() throws ProtocolException {
    roundTrip(new ChatMessage(null, "Admin", "Welcome!", 1763750000000L, true),
        "{\"type\":\"message\",\"username\":\"Admin\",\"text\":\"Welcome!\",\"createdAt\":1763750000000,"
            + "\"system\":true}");
  }

  @Test
  void locationMessage() throws ProtocolException {
    roundTrip(new LocationMessage(8, "Alice", 51.5007, -0.1246, "https://www.google.com/maps?q=51.5007,-0.1246",
            1763750000000L),
        "{\"type\":\"locationMessage\",\"id\":8,\"username\":\"Alice\",\"latitude\":51.5007,"
            + "\"longitude\":-0.1246,\"url\":\"https://www.google.com/maps?q=51.5007,-0.1246\","
            + "\"createdAt\":1763750000000}");
  }

  @Test
  void roomData() throws ProtocolException {
    roundTrip(new RoomData("lobby", List.of(new RoomUser("Alice"), new RoomUser("Bob"))),
        "{\"type\":\"roomData\",\"room\":\"lobby\",\"users\":[{\"username\":\"Alice\"},{\"username\":\"Bob\"}]}");
  }

  @Test
  void error() throws ProtocolException {
    roundTrip(new ErrorMessage("Malformed JSON"), "{\"type\":\"error\",\"error\":\"Malformed JSON\"}");
  }

  @Test
  void activeRooms() throws ProtocolException {
    ActiveRooms rooms = new ActiveRooms(List.of(new ActiveRooms.Room("lobby", 2)));
    String json = "{\"rooms\":[{\"name\":\"lobby\",\"users\":2}]}";
    assertEquals(json, codec.encodeRooms(rooms));
    assertEquals(rooms, codec.decodeRooms(json));
  }

  @Test
  void markupAndQuotesAreEscapedAsJsonOnly() throws ProtocolException {
    SendMessage message = new SendMessage(1, "<b>\"hi\"</b>\n\u2028");
    String json = codec.encode(message);
    assertEquals("{\"type\":\"sendMessage\",\"ref\":1,\"text\":\"<b>\\\"hi\\\"</b>\\n\\u2028\"}", json);
    assertEquals(message, codec.decodeClient(json));
  }

  @Test
  void unknownFieldsAreIgnored() throws ProtocolException {
    assertEquals(new SendMessage(4, "hi"),
        codec.decodeClient("{\"type\":\"sendMessage\",\"ref\":4,\"text\":\"hi\",\"id\":\"forged\",\"extra\":[1]}"));
    assertEquals(Ack.ok(4), codec.decodeServer("{\"type\":\"ack\",\"ref\":4,\"future\":{\"a\":1}}"));
  }

  @Test
  void fieldOrderDoesNotMatter() throws ProtocolException {
    assertEquals(new Join(9, "A", "r"), codec.decodeClient("{\"room\":\"r\",\"username\":\"A\",\"ref\":9,\"type\":\"join\"}"));
  }

  private void roundTrip(ClientMessage message, String json) throws ProtocolException {
    assertEquals(json, codec.encode(message));
    assertEquals(message, codec.decodeClient(json));
  }

  private void roundTrip(ServerMessage message, String json) throws ProtocolException {
    assertEquals(json, codec.encode(message));
    assertEquals(message, codec.decodeServer(json));
  }

  static void assertRefused(ProtocolCodec codec, String json, String expectedMessage) {
    ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeClient(json));
    assertTrue(e.getMessage().startsWith(expectedMessage), () -> "got: " + e.getMessage());
  }
}
