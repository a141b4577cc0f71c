package chat.protocol;

import static chat.protocol.ProtocolCodecTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict decoding: everything that is not a valid message fails with a readable {@link ProtocolException}. */
class MalformedInputTest {
  private final ProtocolCodec codec = new ProtocolCodec();

  @Test
  void syntaxErrorsSayWhere() {
    assertRefused(codec, "{\"type\":", "Malformed JSON");
    ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeClient("{'type':'join'}"));
    assertEquals("Malformed JSON (at line 1 column 3)", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"join\"", "42", "null", "true"})
  void onlyAnObjectIsAMessage(String json) {
    assertRefused(codec, json, "Expected a JSON object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void anEmptyFrameIsRefused(String json) {
    assertRefused(codec, json, "Empty frame: expected a JSON object");
  }

  @Test
  void trailingGarbageIsRefused() {
    assertRefused(codec, "{\"type\":\"sendMessage\",\"ref\":1,\"text\":\"x\"} {}", "Unexpected content after the JSON object");
    assertRefused(codec, "{\"type\":\"sendMessage\",\"ref\":1,\"text\":\"x\"}x", "Unexpected content after the JSON object");
  }

  @Test
  void anUnknownTypeIsRefusedWithTheRefKept() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> codec.decodeClient("{\"type\":\"dance\",\"ref\":5}"));
    assertEquals("Unknown message type 'dance' (expected join, sendMessage, sendLocation or loadHistory)",
        e.getMessage());
    assertEquals(5, e.ref().getAsLong());
  }

  @Test
  void aMissingTypeIsRefused() {
    assertRefused(codec, "{\"ref\":1}", "Field 'type' is required");
    assertRefused(codec, "{\"type\":7,\"ref\":1}", "Field 'type' must be a string");
  }

  @Test
  void aMissingRequiredFieldIsRefusedWithTheRefKept() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> codec.decodeClient("{\"type\":\"sendMessage\",\"ref\":3}"));
    assertEquals("Field 'text' is required in a 'sendMessage' message", e.getMessage());
    assertEquals(3, e.ref().getAsLong());
  }

  @Test
  void aMissingRefIsRefusedWithoutOne() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> codec.decodeClient("{\"type\":\"sendMessage\",\"text\":\"x\"}"));
    assertEquals("Field 'ref' is required in a 'sendMessage' message", e.getMessage());
    assertTrue(e.ref().isEmpty());
  }

  @Test
  void nullCountsAsMissing() {
    assertRefused(codec, "{\"type\":\"join\",\"ref\":1,\"username\":null,\"room\":\"r\"}",
        "Field 'username' is required in a 'join' message");
  }

  @Test
  void wrongJsonTypesAreRefused() {
    assertRefused(codec, "{\"type\":\"join\",\"ref\":1,\"username\":5,\"room\":\"r\"}",
        "Field 'username' of a 'join' message must be a string");
    assertRefused(codec, "{\"type\":\"join\",\"ref\":1,\"username\":{},\"room\":\"r\"}",
        "Field 'username' of a 'join' message must be a string");
    assertRefused(codec, "{\"type\":\"sendLocation\",\"ref\":1,\"latitude\":\"51\",\"longitude\":0}",
        "Field 'latitude' of a 'sendLocation' message must be a number");
    assertRefused(codec, "{\"type\":\"sendMessage\",\"ref\":\"1\",\"text\":\"x\"}",
        "Field 'ref' of a 'request' message must be an integer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1e300", "-1e17", "9007199254740992"})
  void aRefMustBeASafeInteger(String ref) {
    assertRefused(codec, "{\"type\":\"sendMessage\",\"ref\":" + ref + ",\"text\":\"x\"}", "Field 'ref'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
  void nonFiniteNumberLiteralsAreNotJson(String number) {
    assertRefused(codec, "{\"type\":\"sendLocation\",\"ref\":1,\"latitude\":" + number + ",\"longitude\":0}",
        "Malformed JSON");
  }

  @Test
  void hugeNumbersDecodeAsInfinityForTheServerToRefuse() throws ProtocolException {
    ClientMessage.SendLocation location = (ClientMessage.SendLocation)
        codec.decodeClient("{\"type\":\"sendLocation\",\"ref\":1,\"latitude\":1e999,\"longitude\":0}");
    assertEquals(Double.POSITIVE_INFINITY, location.latitude());
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "{\"type\":\"sendMessage\",\"ref\":1,\"text\":\"x\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    assertRefused(codec, deep, "Malformed JSON");
  }

  @Test
  void duplicateFieldsAreRefused() {
    assertRefused(codec, "{\"type\":\"sendMessage\",\"ref\":1,\"text\":\"a\",\"text\":\"b\"}", "Duplicate field 'text'");
  }

  @Test
  void commentsAndSingleQuotesAreNotJson() {
    assertRefused(codec, "{/*c*/\"type\":\"sendMessage\",\"ref\":1,\"text\":\"x\"}", "Malformed JSON");
  }

  @Test
  void serverFramesAreDecodedStrictlyToo() {
    ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeServer("{\"type\":\"message\"}"));
    assertEquals("Field 'username' is required in a 'message' message", e.getMessage());
    assertThrows(ProtocolException.class, () -> codec.decodeServer("{\"type\":\"roomData\",\"room\":\"r\",\"users\":[1]}"));
    assertThrows(ProtocolException.class, () -> codec.decodeRooms("{\"rooms\":{}}"));
  }
}
