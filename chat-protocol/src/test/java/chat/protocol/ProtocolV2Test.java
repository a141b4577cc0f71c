package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.ClientMessage.Join;
import chat.protocol.ClientMessage.LoadHistory;
import chat.protocol.ClientMessage.SendLocation;
import chat.protocol.ClientMessage.SendMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.ServerMessage.LocationMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protocol v2's frames and fields against their literal JSON, both ways; v1 frames keep decoding as before. */
class ProtocolV2Test {
  private static final long AT = 1763750000000L;
  private static final String URL = "https://www.google.com/maps?q=51.5,-0.12";

  private final ProtocolCodec codec = new ProtocolCodec();

  @Test
  void joinAskingToResume() throws ProtocolException {
    roundTrip(new Join(1, "Alice", "Lobby", 41L, "k3f9", "r-7_Q"),
        "{\"type\":\"join\",\"ref\":1,\"username\":\"Alice\",\"room\":\"Lobby\",\"since\":41,\"epoch\":\"k3f9\","
            + "\"resumeToken\":\"r-7_Q\"}");
  }

  @Test
  void joinWithOnlySince() throws ProtocolException {
    roundTrip(new Join(1, "Alice", "Lobby", 0L, null, null),
        "{\"type\":\"join\",\"ref\":1,\"username\":\"Alice\",\"room\":\"Lobby\",\"since\":0}");
  }

  @Test
  void joinWithOnlyAResumeToken() throws ProtocolException {
    roundTrip(new Join(1, "Alice", "Lobby", null, null, "r-7_Q"),
        "{\"type\":\"join\",\"ref\":1,\"username\":\"Alice\",\"room\":\"Lobby\",\"resumeToken\":\"r-7_Q\"}");
  }

  @Test
  void aV1JoinHasNoneOfTheNewFields() throws ProtocolException {
    Join join = (Join) codec.decodeClient("{\"type\":\"join\",\"ref\":1,\"username\":\"Alice\",\"room\":\"Lobby\"}");

    assertEquals(new Join(1, "Alice", "Lobby", null, null, null), join);
  }

  @Test
  void nullNewJoinFieldsCountAsAbsent() throws ProtocolException {
    assertEquals(new Join(1, "Alice", "Lobby"), codec.decodeClient("{\"type\":\"join\",\"ref\":1,\"username\":"
        + "\"Alice\",\"room\":\"Lobby\",\"since\":null,\"epoch\":null,\"resumeToken\":null}"));
  }

  @Test
  void loadHistoryBeforeAnId() throws ProtocolException {
    roundTrip(new LoadHistory(7, 120L, 50), "{\"type\":\"loadHistory\",\"ref\":7,\"before\":120,\"limit\":50}");
  }

  @Test
  void loadHistoryWithoutBeforeAsksForTheNewestPage() throws ProtocolException {
    roundTrip(new LoadHistory(7, null, 20), "{\"type\":\"loadHistory\",\"ref\":7,\"limit\":20}");
  }

  @Test
  void loadHistoryWithoutLimitAsksForFifty() throws ProtocolException {
    assertEquals(new LoadHistory(7, 120L, LoadHistory.DEFAULT_LIMIT),
        codec.decodeClient("{\"type\":\"loadHistory\",\"ref\":7,\"before\":120}"));
  }

  @Test
  void nullLoadHistoryFieldsCountAsAbsent() throws ProtocolException {
    assertEquals(new LoadHistory(7, null, 50),
        codec.decodeClient("{\"type\":\"loadHistory\",\"ref\":7,\"before\":null,\"limit\":null}"));
  }

  @Test
  void aLimitMayBeOneOrAHundred() throws ProtocolException {
    assertEquals(new LoadHistory(7, null, 1), codec.decodeClient("{\"type\":\"loadHistory\",\"ref\":7,\"limit\":1}"));
    assertEquals(new LoadHistory(7, null, 100),
        codec.decodeClient("{\"type\":\"loadHistory\",\"ref\":7,\"limit\":100}"));
  }

  @Test
  void sendMessageWithAClientId() throws ProtocolException {
    roundTrip(new SendMessage(2, "hi", "5b0c"),
        "{\"type\":\"sendMessage\",\"ref\":2,\"text\":\"hi\",\"clientId\":\"5b0c\"}");
  }

  @Test
  void sendLocationWithAClientId() throws ProtocolException {
    roundTrip(new SendLocation(3, 51.5, -0.12, "77aa"),
        "{\"type\":\"sendLocation\",\"ref\":3,\"latitude\":51.5,\"longitude\":-0.12,\"clientId\":\"77aa\"}");
  }

  @Test
  void aNullClientIdCountsAsAbsent() throws ProtocolException {
    assertEquals(new SendMessage(2, "hi"),
        codec.decodeClient("{\"type\":\"sendMessage\",\"ref\":2,\"text\":\"hi\",\"clientId\":null}"));
  }

  @Test
  void ackOfAJoinCarriesTheResumeToken() throws ProtocolException {
    roundTrip(Ack.joined(1, "r-7_Q"), "{\"type\":\"ack\",\"ref\":1,\"resumeToken\":\"r-7_Q\"}");
  }

  @Test
  void ackOfASendCarriesTheMessagesId() throws ProtocolException {
    roundTrip(Ack.posted(2, 57), "{\"type\":\"ack\",\"ref\":2,\"id\":57}");
  }

  @Test
  void aV1AckHasNeitherIdNorToken() throws ProtocolException {
    assertEquals(new Ack(2, null, null, null, null, null), codec.decodeServer("{\"type\":\"ack\",\"ref\":2}"));
  }

  @Test
  void messageWithItsClientId() throws ProtocolException {
    roundTrip(new ChatMessage(57L, "Alice", "hi", AT, false, "5b0c"),
        "{\"type\":\"message\",\"id\":57,\"username\":\"Alice\",\"text\":\"hi\",\"createdAt\":1763750000000,"
            + "\"clientId\":\"5b0c\"}");
  }

  @Test
  void locationMessageWithItsClientId() throws ProtocolException {
    roundTrip(new LocationMessage(58, "Alice", 51.5, -0.12, URL, AT, "77aa"),
        "{\"type\":\"locationMessage\",\"id\":58,\"username\":\"Alice\",\"latitude\":51.5,\"longitude\":-0.12,"
            + "\"url\":\"" + URL + "\",\"createdAt\":1763750000000,\"clientId\":\"77aa\"}");
  }

  @Test
  void historyOnAJoinThatResumed() throws ProtocolException {
    History history = new History(null, "lobby", "k3f9", List.of(
        new ChatMessage(42L, "Bob", "hi", AT, false, "5b0c"),
        new LocationMessage(43, "Bob", 51.5, -0.12, URL, AT, null),
        new ChatMessage(44L, "Admin", "Alice has joined!", AT, true)), false, true);

    roundTrip(history, "{\"type\":\"history\",\"room\":\"lobby\",\"epoch\":\"k3f9\",\"messages\":["
        + "{\"type\":\"message\",\"id\":42,\"username\":\"Bob\",\"text\":\"hi\",\"createdAt\":1763750000000,"
        + "\"clientId\":\"5b0c\"},"
        + "{\"type\":\"locationMessage\",\"id\":43,\"username\":\"Bob\",\"latitude\":51.5,\"longitude\":-0.12,"
        + "\"url\":\"" + URL + "\",\"createdAt\":1763750000000},"
        + "{\"type\":\"message\",\"id\":44,\"username\":\"Admin\",\"text\":\"Alice has joined!\","
        + "\"createdAt\":1763750000000,\"system\":true}"
        + "],\"hasMore\":false,\"recovered\":true}");
  }

  @Test
  void historyOnAJoinThatCouldNotResume() throws ProtocolException {
    roundTrip(new History(null, "lobby", "k3f9", List.of(), true, false),
        "{\"type\":\"history\",\"room\":\"lobby\",\"epoch\":\"k3f9\",\"messages\":[],\"hasMore\":true,"
            + "\"recovered\":false}");
  }

  @Test
  void historyOnAPlainJoinHasNoRecovered() throws ProtocolException {
    roundTrip(new History(null, "lobby", "k3f9", List.of(), true, null),
        "{\"type\":\"history\",\"room\":\"lobby\",\"epoch\":\"k3f9\",\"messages\":[],\"hasMore\":true}");
  }

  @Test
  void historyAnsweringLoadHistoryCarriesItsRef() throws ProtocolException {
    roundTrip(new History(7L, "lobby", "k3f9", List.of(new ChatMessage(3L, "Bob", "old", AT, false)), false, null),
        "{\"type\":\"history\",\"ref\":7,\"room\":\"lobby\",\"epoch\":\"k3f9\",\"messages\":["
            + "{\"type\":\"message\",\"id\":3,\"username\":\"Bob\",\"text\":\"old\",\"createdAt\":1763750000000}"
            + "],\"hasMore\":false}");
  }

  @Test
  void fieldsAHistoryEntryDoesNotKnowAreIgnored() throws ProtocolException {
    History history = (History) codec.decodeServer("{\"type\":\"history\",\"room\":\"lobby\",\"epoch\":\"e\","
        + "\"messages\":[{\"type\":\"message\",\"id\":3,\"username\":\"Bob\",\"text\":\"old\",\"createdAt\":1,"
        + "\"future\":[1]}],\"hasMore\":false,\"future\":{}}");

    assertEquals(List.of(new ChatMessage(3L, "Bob", "old", 1, false)), history.messages());
  }

  private void roundTrip(ClientMessage message, String json) throws ProtocolException {
    assertEquals(json, codec.encode(message));
    assertEquals(message, codec.decodeClient(json));
  }

  private void roundTrip(ServerMessage message, String json) throws ProtocolException {
    assertEquals(json, codec.encode(message));
    assertEquals(message, codec.decodeServer(json));
  }
}
