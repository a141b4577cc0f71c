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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every valid message, with or without each optional field, decodes to what was encoded. */
class CodecRoundTripTest {
  private final ProtocolCodec codec = new ProtocolCodec();

  @Property(tries = 1000)
  void clientMessagesRoundTrip(@ForAll("clientMessages") ClientMessage message) throws ProtocolException {
    assertEquals(message, codec.decodeClient(codec.encode(message)));
  }

  @Property(tries = 1000)
  void serverMessagesRoundTrip(@ForAll("serverMessages") ServerMessage message) throws ProtocolException {
    assertEquals(message, codec.decodeServer(codec.encode(message)));
  }

  @Provide
  Arbitrary<ClientMessage> clientMessages() {
    Arbitrary<Long> refs = Arbitraries.longs().between(-JsonFields.MAX_SAFE_INTEGER, JsonFields.MAX_SAFE_INTEGER);
    Arbitrary<ClientMessage> join = Combinators.combine(refs, text(), text(), ids(0).injectNull(0.3), optionalKey(64),
        optionalKey(128)).as(Join::new);
    Arbitrary<ClientMessage> send = Combinators.combine(refs, text(), optionalKey(64)).as(SendMessage::new);
    Arbitrary<ClientMessage> location = Combinators.combine(refs, coordinates(), coordinates(),
        optionalKey(64)).as(SendLocation::new);
    Arbitrary<ClientMessage> load = Combinators.combine(refs, ids(1).injectNull(0.3),
        Arbitraries.integers().between(1, LoadHistory.MAX_LIMIT)).as(LoadHistory::new);
    return Arbitraries.oneOf(join, send, location, load);
  }

  @Provide
  Arbitrary<ServerMessage> serverMessages() {
    Arbitrary<Long> refs = Arbitraries.longs().between(-JsonFields.MAX_SAFE_INTEGER, JsonFields.MAX_SAFE_INTEGER)
        .withoutEdgeCases();
    Arbitrary<ServerMessage> ack = Combinators.combine(refs, text().injectNull(0.5),
        Arbitraries.of(ErrorCode.values()).map(ErrorCode::wireName).injectNull(0.5), ids(0).injectNull(0.7), ids(1).injectNull(0.5), optionalKey(128)).as(Ack::new);
    Arbitrary<ServerMessage> history = Combinators.combine(refs.injectNull(0.5), text(), key(64),
        roomMessages().list().ofMaxSize(4), Arbitraries.of(true, false), Arbitraries.of(true, false).injectNull(0.4))
        .as(History::new);
    return Arbitraries.oneOf(ack, roomMessages(), history);
  }

  private static Arbitrary<ServerMessage> roomMessages() {
    Arbitrary<ServerMessage> chat = Combinators.combine(ids(1).injectNull(0.2), text(), text(), ids(0),
        Arbitraries.of(true, false), optionalKey(64)).as(ChatMessage::new);
    Arbitrary<ServerMessage> location = Combinators.combine(ids(1), text(), coordinates(),
        coordinates(), text(), ids(0), optionalKey(64)).as(LocationMessage::new);
    return Arbitraries.oneOf(chat, location);
  }

  private static Arbitrary<Long> ids(long min) {
    return Arbitraries.longs().between(min, JsonFields.MAX_SAFE_INTEGER);
  }

  private static Arbitrary<Double> coordinates() {
    return Arbitraries.doubles().withoutEdgeCases();
  }

  private static Arbitrary<String> text() {
    // Without edge cases: combined with every other field's, they would outnumber the tries.
    return Arbitraries.strings().ofMaxLength(20).withoutEdgeCases();
  }

  /** A key of the alphabet epochs, tokens and client ids use. */
  private static Arbitrary<String> key(int maxLength) {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
        .withChars('_', '-').ofMinLength(1).ofMaxLength(maxLength);
  }

  /** A key, or null (the field left out) about a third of the time. */
  private static Arbitrary<String> optionalKey(int maxLength) {
    return key(maxLength).injectNull(0.3);
  }
}
