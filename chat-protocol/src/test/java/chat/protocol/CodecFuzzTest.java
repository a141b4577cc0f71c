package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client sends, decoding ends in a message or a {@link ProtocolException}: never another exception,
 * which would escape the transport's error handling.
 */
class CodecFuzzTest {
  private static final Arbitrary<String> TYPES = Arbitraries.of("join", "sendMessage", "sendLocation",
      "loadHistory", "ack", "message", "locationMessage", "history", "roomData", "error", "rooms", "");
  private static final Arbitrary<String> KEYS = Arbitraries.of("type", "ref", "username", "room", "text",
      "latitude", "longitude", "error", "id", "createdAt", "system", "url", "users", "rooms", "name",
      "retryAfterMs", "since", "epoch", "resumeToken", "before", "limit", "clientId", "messages", "hasMore",
      "recovered");

  private final ProtocolCodec codec = new ProtocolCodec();

  @Property(tries = 2000)
  void randomStringsDecodeOrFailWithAProtocolException(@ForAll String text) {
    decodeBothWays(text);
  }

  @Property(tries = 2000)
  void randomBytesDecodeOrFailWithAProtocolException(@ForAll byte[] bytes) {
    decodeBothWays(new String(bytes, StandardCharsets.UTF_8));
  }

  @Property(tries = 3000)
  void randomJsonDecodesOrFailsWithAProtocolException(@ForAll("json") String json) {
    decodeBothWays(json);
  }

  @Property(tries = 3000)
  void messageShapedJsonDecodesOrFailsWithAProtocolException(@ForAll("messageShaped") String json) {
    decodeBothWays(json);
  }

  @Property(tries = 2000)
  void historyShapedJsonDecodesOrFailsWithAProtocolException(@ForAll("historyShaped") String json) {
    decodeBothWays(json);
  }

  private void decodeBothWays(String text) {
    try {
      assertNotNull(codec.decodeClient(text));
    } catch (ProtocolException expected) {
      assertNotNull(expected.getMessage());
    }
    try {
      assertNotNull(codec.decodeServer(text));
    } catch (ProtocolException expected) {
      assertNotNull(expected.getMessage());
    }
    try {
      assertNotNull(codec.decodeRooms(text));
    } catch (ProtocolException expected) {
      assertNotNull(expected.getMessage());
    }
  }

  @Provide
  Arbitrary<String> json() {
    return value(3);
  }

  /** Objects with the protocol's field names and random values of every JSON kind, so decoding gets deep. */
  @Provide
  Arbitrary<String> messageShaped() {
    return shaped(TYPES, value(1));
  }

  /** Histories whose entries are message-shaped too, so that decoding reaches the entries' fields. */
  @Provide
  Arbitrary<String> historyShaped() {
    Arbitrary<String> entries = shaped(TYPES, value(0)).list().ofMaxSize(3)
        .map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> history = Combinators.combine(entries, Arbitraries.of("true", "false", "null", "1"),
            Arbitraries.of("\"e\"", "\"\"", "7", "null"))
        .as((messages, flag, epoch) -> "{\"type\":\"history\",\"room\":\"lobby\",\"epoch\":" + epoch
            + ",\"messages\":" + messages + ",\"hasMore\":" + flag + ",\"recovered\":" + flag + "}");
    return Arbitraries.oneOf(history, shaped(Arbitraries.just("history"), Arbitraries.oneOf(entries, value(1))));
  }

  /** Objects of one of the types with up to six of the protocol's field names, each with a random value. */
  private static Arbitrary<String> shaped(Arbitrary<String> type, Arbitrary<String> value) {
    Arbitrary<String> field = Combinators.combine(KEYS, value).as((k, v) -> quote(k) + ":" + v);
    return Combinators.combine(type, field.list().ofMaxSize(6)).as((t, fields) ->
        "{\"type\":" + quote(t) + (fields.isEmpty() ? "" : "," + String.join(",", fields)) + "}");
  }

  private static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12).map(CodecFuzzTest::quote),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf),
        Arbitraries.of("true", "false", "null", "1e400", "-1e400", "NaN", "Infinity", "9007199254740993",
            "1.5", "-0", "\"\\ud800\"", "\"\\u0000\"", "{", "]", "\"unterminated"));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> array = Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4)
        .map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> object = Arbitraries.lazy(() -> Combinators.combine(
            Arbitraries.strings().ofMaxLength(6), value(depth - 1)).as((k, v) -> quote(k) + ":" + v)
        .list().ofMaxSize(4))
        .map(CodecFuzzTest::object);
    // Listed more than once to weight the choice: mostly scalars, so documents stay small.
    return Arbitraries.oneOf(List.of(scalar, scalar, scalar, array, object, object));
  }

  private static String object(List<String> fields) {
    return "{" + String.join(",", fields) + "}";
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
