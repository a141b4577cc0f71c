package chat.protocol.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ClientMessage;
import chat.protocol.RoomUser;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.RoomData;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox: one ordered record of what the server sent, from which no wait ever loses a frame. */
class TestClientInboxTest {
  private static final ChatMessage WELCOME = notice("Welcome!");
  private static final RoomData ALICE_ALONE = users("Alice");

  private ScriptedServer server;
  private TestClient client;

  @BeforeEach
  void connect() throws Exception {
    server = ScriptedServer.open();
    client = TestClient.connect(server.uri());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void awaitingOneFrameLeavesTheOthersUnreadInOrder() throws Exception {
    server.send(message(1, "one"), message(2, "two"), Ack.ok(7), message(3, "three"));

    assertEquals(Ack.ok(7), client.awaitAck(7));
    assertEquals(message(1, "one"), client.next());
    assertEquals(message(2, "two"), client.next());
    assertEquals(message(3, "three"), client.next());
  }

  @Test
  void eachAwaitReadsTheEarliestUnreadMatch() throws Exception {
    server.send(message(1, "hi"), message(2, "hi"));

    assertEquals(1L, client.awaitMessage("hi").id());
    assertEquals(2L, client.awaitMessage("hi").id());
  }

  @Test
  void aRequestsAckLeavesWhatCameBeforeItReadable() throws Exception {
    server.answer(request -> List.of(WELCOME, ALICE_ALONE, Ack.ok(request.ref())));

    assertTrue(client.join("Alice", "lobby").isOk());
    assertEquals(WELCOME, client.next());
    assertEquals(ALICE_ALONE, client.awaitUsers("Alice"));
  }

  @Test
  void joinedCountsTheJoinsFramesAsReadButKeepsThemInTheRecord() throws Exception {
    server.answer(request -> List.of(WELCOME, ALICE_ALONE, Ack.ok(request.ref())));

    client.joined("Alice", "lobby");

    assertEquals(List.of(), client.unread());
    assertEquals(List.of(WELCOME, ALICE_ALONE, Ack.ok(1)), client.received());
  }

  @Test
  void skippingToAFrameCountsTheUnreadFramesBeforeItAsRead() throws Exception {
    server.send(notice("Bob has joined!"), users("Alice", "Bob"), notice("Bob has left!"));

    assertEquals(users("Alice", "Bob"), client.skipToUsers("Alice", "Bob"));
    assertEquals("Bob has left!", client.skipTo(ChatMessage.class, ChatMessage::system).text());
    assertEquals(3, client.received().size());
  }

  @Test
  void drainingReadsEveryUnreadFrameOnce() throws Exception {
    server.send(message(1, "one"), message(2, "two"), Ack.ok(3));
    client.awaitAck(3);

    assertEquals(List.of(message(1, "one"), message(2, "two")), client.drain());
    assertEquals(List.of(), client.drain());
  }

  @Test
  void theLatestFrameOfATypeIsAtHandReadOrNot() throws Exception {
    server.send(users("Alice"), users("Alice", "Bob"), Ack.ok(1));
    client.awaitAck(1);

    assertEquals(Optional.of(users("Alice", "Bob")), client.latest(RoomData.class));
    assertEquals(Optional.empty(), client.latest(ServerMessage.ErrorMessage.class));
  }

  @Test
  void aTimeoutSaysWhatWasAwaitedAndListsWhatArrived() throws Exception {
    server.send(message(1, "one"), Ack.ok(2));
    client.awaitAck(2);

    AssertionError failure = assertThrows(AssertionError.class,
        () -> client.withTimeout(Duration.ofMillis(200)).awaitAck(9));

    String text = failure.getMessage();
    assertTrue(text.contains("timed out after 200 ms waiting for the ack for ref 9"), text);
    assertTrue(text.contains("received 2 frames, 1 unread"), text);
    assertTrue(text.contains("#1 unread " + message(1, "one")), text);
    assertTrue(text.contains("#2 read   " + Ack.ok(2)), text);
  }

  @Test
  void aWaitEndsAsSoonAsTheServerClosesAndSaysHow() throws Exception {
    server.closeClient(4000, "bye");

    AssertionError failure = assertTimeout(Duration.ofSeconds(5),
        () -> assertThrows(AssertionError.class, () -> client.awaitMessage("never")));
    assertTrue(failure.getMessage().contains("closed (4000 \"bye\") before a message \"never\""),
        failure.getMessage());
  }

  @Test
  void aFrameTheCodecCannotReadFailsTheNextWait() throws Exception {
    server.sendRaw("{\"type\":\"dance\"}");
    server.send(message(1, "after"));

    AssertionError failure = assertThrows(AssertionError.class, () -> client.awaitMessage("after"));
    assertTrue(failure.getMessage().contains("cannot read, {\"type\":\"dance\"}"), failure.getMessage());
  }

  @Test
  void aFailureNamesTheClientByItsUser() throws Exception {
    server.answer(request -> request instanceof ClientMessage.Join ? List.of(Ack.ok(request.ref())) : List.of());
    client.joined("Alice", "lobby");

    AssertionError failure = assertThrows(AssertionError.class,
        () -> client.withTimeout(Duration.ofMillis(100)).say("unanswered"));
    assertTrue(failure.getMessage().startsWith("Alice: timed out"), failure.getMessage());
  }

  private static ChatMessage message(long id, String text) {
    return new ChatMessage(id, "Bob", text, 1_700_000_000_000L, false);
  }

  private static ChatMessage notice(String text) {
    return new ChatMessage(null, "Admin", text, 1_700_000_000_000L, true);
  }

  private static RoomData users(String... names) {
    return new RoomData("lobby", List.of(names).stream().map(RoomUser::new).toList());
  }
}
