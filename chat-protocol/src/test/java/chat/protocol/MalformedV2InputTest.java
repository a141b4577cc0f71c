package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protocol v2's new fields are decoded as strictly as the rest: each refusal names the field and its whole rule,
 * and keeps the frame's ref so that the server can answer with an ack error.
 */
class MalformedV2InputTest {
  private static final String KEY_64 = "a string of 1 to 64 characters from A-Z a-z 0-9 _ -";
  private static final String KEY_128 = "a string of 1 to 128 characters from A-Z a-z 0-9 _ -";

  private final ProtocolCodec codec = new ProtocolCodec();

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1.5", "\"41\"", "true", "{}", "[41]", "9007199254740992"})
  void sinceMustBeANonNegativeInteger(String since) {
    assertRefused("{\"type\":\"join\",\"ref\":4,\"username\":\"Alice\",\"room\":\"Lobby\",\"since\":" + since + "}",
        "Field 'since' must be a non-negative integer", 4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "2.5", "\"120\"", "false"})
  void beforeMustBeAPositiveInteger(String before) {
    assertRefused("{\"type\":\"loadHistory\",\"ref\":4,\"before\":" + before + "}",
        "Field 'before' must be a positive integer", 4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-50", "1000000"})
  void limitMustBeFromOneToAHundred(String limit) {
    assertRefused("{\"type\":\"loadHistory\",\"ref\":4,\"limit\":" + limit + "}",
        "Field 'limit' must be from 1 to 100", 4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "\"50\"", "{}", "[50]"})
  void limitMustBeAnInteger(String limit) {
    assertRefused("{\"type\":\"loadHistory\",\"ref\":4,\"limit\":" + limit + "}",
        "Field 'limit' must be an integer from 1 to 100", 4);
  }

  @Test
  void loadHistoryNeedsARef() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> codec.decodeClient("{\"type\":\"loadHistory\",\"limit\":10}"));
    assertEquals("Field 'ref' is required in a 'loadHistory' message", e.getMessage());
    assertTrue(e.ref().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"k3f9 \"", "\"k3.f9\"", "\"k3f9\\n\"", "\"épo\"", "7", "{}"})
  void epochMustBeAShortKey(String epoch) {
    assertRefused("{\"type\":\"join\",\"ref\":4,\"username\":\"Alice\",\"room\":\"Lobby\",\"epoch\":" + epoch + "}",
        "Field 'epoch' must be " + KEY_64, 4);
  }

  @Test
  void epochMayHave64Characters() throws ProtocolException {
    assertEquals("e".repeat(64), join("\"epoch\":\"" + "e".repeat(64) + "\"").epoch());
    assertRefused(joinJson("\"epoch\":\"" + "e".repeat(65) + "\""), "Field 'epoch' must be " + KEY_64, 4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"a+b\"", "\"a/b=\"", "\"tok en\"", "12", "true"})
  void resumeTokenMustBeAKey(String token) {
    assertRefused(joinJson("\"resumeToken\":" + token), "Field 'resumeToken' must be " + KEY_128, 4);
  }

  @Test
  void resumeTokenMayHave128Characters() throws ProtocolException {
    assertEquals("T".repeat(128), join("\"resumeToken\":\"" + "T".repeat(128) + "\"").resumeToken());
    assertRefused(joinJson("\"resumeToken\":\"" + "T".repeat(129) + "\""), "Field 'resumeToken' must be " + KEY_128,
        4);
  }

  @Test
  void keysMayUseLettersDigitsUnderscoreAndDash() throws ProtocolException {
    assertEquals("AZaz09_-", join("\"epoch\":\"AZaz09_-\"").epoch());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"5b 0c\"", "\"5b0c!\"", "\"ü\"", "5", "[\"5b0c\"]"})
  void clientIdOfAMessageMustBeAShortKey(String clientId) {
    assertRefused("{\"type\":\"sendMessage\",\"ref\":4,\"text\":\"hi\",\"clientId\":" + clientId + "}",
        "Field 'clientId' must be " + KEY_64, 4);
  }

  @Test
  void clientIdOfALocationMustBeAShortKey() {
    assertRefused("{\"type\":\"sendLocation\",\"ref\":4,\"latitude\":1,\"longitude\":2,\"clientId\":\"a.b\"}",
        "Field 'clientId' must be " + KEY_64, 4);
  }

  @Test
  void clientIdMayHave64Characters() throws ProtocolException {
    String id = "c".repeat(64);
    assertEquals(new ClientMessage.SendMessage(4, "hi", id),
        codec.decodeClient("{\"type\":\"sendMessage\",\"ref\":4,\"text\":\"hi\",\"clientId\":\"" + id + "\"}"));
    assertRefused("{\"type\":\"sendMessage\",\"ref\":4,\"text\":\"hi\",\"clientId\":\"" + id + "c\"}",
        "Field 'clientId' must be " + KEY_64, 4);
  }

  @Test
  void aHistoryEntryMustBeAMessageOrALocation() {
    ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeServer(
        "{\"type\":\"history\",\"room\":\"lobby\",\"epoch\":\"e\",\"hasMore\":false,\"messages\":["
            + "{\"type\":\"roomData\",\"room\":\"lobby\",\"users\":[]}]}"));
    assertEquals("Entries of a 'messages' list must be of type 'message' or 'locationMessage'", e.getMessage());
  }

  @Test
  void aHistoryEntryIsReadAsStrictlyAsALiveMessage() {
    ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeServer(
        "{\"type\":\"history\",\"room\":\"lobby\",\"epoch\":\"e\",\"hasMore\":false,\"messages\":["
            + "{\"type\":\"message\",\"id\":1,\"text\":\"hi\",\"createdAt\":1}]}"));
    assertEquals("Field 'username' is required in a 'message' message", e.getMessage());
  }

  @Test
  void aHistoryNeedsItsEpochMessagesAndHasMore() {
    assertServerRefused("{\"type\":\"history\",\"room\":\"lobby\",\"messages\":[],\"hasMore\":false}",
        "Field 'epoch' is required in a 'history' message");
    assertServerRefused("{\"type\":\"history\",\"room\":\"lobby\",\"epoch\":\"e\",\"hasMore\":false}",
        "Field 'messages' is required in a 'history' message");
    assertServerRefused("{\"type\":\"history\",\"room\":\"lobby\",\"epoch\":\"e\",\"messages\":[]}",
        "Field 'hasMore' is required in a 'history' message");
    assertServerRefused("{\"type\":\"history\",\"room\":\"lobby\",\"epoch\":\"e\",\"messages\":[1],\"hasMore\":true}",
        "Entries of a 'messages' list must be objects");
  }

  private ClientMessage.Join join(String field) throws ProtocolException {
    return (ClientMessage.Join) codec.decodeClient(joinJson(field));
  }

  private static String joinJson(String field) {
    return "{\"type\":\"join\",\"ref\":4,\"username\":\"Alice\",\"room\":\"Lobby\"," + field + "}";
  }

  private void assertRefused(String json, String expectedMessage, long expectedRef) {
    ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeClient(json));
    assertEquals(expectedMessage, e.getMessage());
    assertEquals(expectedRef, e.ref().getAsLong());
  }

  private void assertServerRefused(String json, String expectedMessage) {
    ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeServer(json));
    assertEquals(expectedMessage, e.getMessage());
  }
}
