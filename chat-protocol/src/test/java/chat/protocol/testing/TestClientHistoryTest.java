package chat.protocol.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ClientMessage;
import chat.protocol.ErrorCode;
import chat.protocol.ProtocolCodec;
import chat.protocol.RoomUser;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.ServerMessage.RoomData;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol v2 in the test client: a join's history comes before its welcome, and the helpers old tests use
 * still find the welcome first; what a client needs to come back is at hand.
 */
class TestClientHistoryTest {
  private static final ProtocolCodec CODEC = new ProtocolCodec();
  private static final ChatMessage WELCOME = notice(null, "Welcome!");
  private static final RoomData ALICE_ALONE = new RoomData("lobby", List.of(new RoomUser("Alice")));
  private static final History LOBBY = history(null, "e1", message(41, "hi"), notice(42L, "Alice has joined!"));

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
  void joiningReadsTheHistoryThatComesFirstAndLeavesTheGreetingUnread() throws Exception {
    server.answer(request -> List.of(LOBBY, WELCOME, ALICE_ALONE, Ack.joined(request.ref(), "t1")));

    assertTrue(client.join("Alice", "lobby").isOk());

    assertEquals(WELCOME, client.next());
    assertEquals(ALICE_ALONE, client.next());
    assertEquals(LOBBY, client.joinHistory());
    assertEquals(List.of(LOBBY, WELCOME, ALICE_ALONE, Ack.joined(1, "t1")), client.received());
  }

  @Test
  void joinedCountsTheHistoryAsReadWithTheGreeting() throws Exception {
    server.answer(request -> List.of(LOBBY, WELCOME, ALICE_ALONE, Ack.joined(request.ref(), "t1")));

    client.joined("Alice", "lobby");

    assertEquals(List.of(), client.unread());
    assertEquals(LOBBY, client.joinHistory());
  }

  @Test
  void aServerWithoutHistoriesStillGreetsFirst() throws Exception {
    server.answer(request -> List.of(WELCOME, ALICE_ALONE, Ack.ok(request.ref())));

    assertTrue(client.join("Alice", "lobby").isOk());

    assertEquals(WELCOME, client.next());
    AssertionError failure = assertThrows(AssertionError.class, client::joinHistory);
    assertTrue(failure.getMessage().contains("no history came with the latest successful join"),
        failure.getMessage());
  }

  @Test
  void aJoinTakesOnlyItsOwnHistory() throws Exception {
    History unrelated = history(99L, "e1", message(3, "old"));
    server.send(unrelated);
    client.await(History.class, history -> true);
    server.answer(request -> List.of(LOBBY, WELCOME, ALICE_ALONE, Ack.joined(request.ref(), "t1")));

    client.join("Alice", "lobby");

    assertEquals(LOBBY, client.joinHistory());
  }

  @Test
  void theJoinHistoryIsTheLatestSuccessfulJoins() throws Exception {
    History kitchen = new History(null, "kitchen", "e2", List.of(), false, null);
    server.answer(request -> switch (((ClientMessage.Join) request).room()) {
      case "lobby" -> List.of(LOBBY, WELCOME, Ack.joined(request.ref(), "t1"));
      case "kitchen" -> List.of(kitchen, WELCOME, Ack.joined(request.ref(), "t2"));
      default -> List.of(Ack.failed(request.ref(), ErrorCode.NAME_TAKEN, "Username is in use!"));
    });

    client.joined("Alice", "lobby").joined("Alice", "kitchen");
    assertEquals("Username is in use!", client.join("Alice", "garden").error());

    assertEquals(kitchen, client.joinHistory());
  }

  @Test
  void loadingHistoryReturnsThePageWithTheRequestsRef() throws Exception {
    History page = history(1L, "e1", message(3, "old"));
    server.answer(request -> List.of(page, Ack.ok(request.ref())));

    assertEquals(page, client.loadHistory(41L, 50));
    assertEquals(List.of(), client.unread());
  }

  @Test
  void aRefusedLoadHistoryFailsWithTheServersReason() throws Exception {
    server.answer(request -> List.of(Ack.failed(request.ref(), ErrorCode.NOT_JOINED, "Join a room first")));

    AssertionError failure = assertThrows(AssertionError.class, () -> client.loadHistory(null, 50));
    assertTrue(failure.getMessage().contains("Join a room first"), failure.getMessage());
  }

  @Test
  void theResumeTokenIsTheLatestJoinAcks() throws Exception {
    server.answer(request -> List.of(Ack.joined(request.ref(), "t" + request.ref())));

    client.joined("Alice", "lobby").joined("Alice", "kitchen");

    assertEquals("t2", client.resumeToken());
  }

  @Test
  void withoutAJoinAckThereIsNoResumeToken() {
    AssertionError failure = assertThrows(AssertionError.class, client::resumeToken);
    assertTrue(failure.getMessage().contains("no join ack with a resume token"), failure.getMessage());
  }

  @Test
  void theLastIdCountsTheJoinsHistoryAndLiveMessagesButNotOlderPages() throws Exception {
    server.answer(request -> request instanceof ClientMessage.Join
        ? List.of(LOBBY, WELCOME, Ack.joined(request.ref(), "t1"))
        : List.of(history(request.ref(), "e1", message(3, "old")), Ack.ok(request.ref())));
    assertEquals(OptionalLong.empty(), client.lastId());

    client.joined("Alice", "lobby");
    assertEquals(OptionalLong.of(42), client.lastId());
    server.send(message(43, "live"));
    client.awaitMessage("live");
    client.loadHistory(41L, 10);

    assertEquals(OptionalLong.of(43), client.lastId());
  }

  @Test
  void rejoiningSendsTheNameRoomLastIdEpochAndToken() throws Exception {
    server.answer(request -> List.of(LOBBY, WELCOME, Ack.joined(request.ref(), "t" + request.ref())));
    client.joined("Alice", "Lobby");
    server.nextFromClient();

    assertTrue(client.rejoin(client).isOk());

    assertEquals(new ClientMessage.Join(2, "Alice", "Lobby", 42L, "e1", "t1"),
        CODEC.decodeClient((String) server.nextFromClient()));
  }

  @Test
  void rejoiningNeedsAJoinToComeBackTo() {
    assertThrows(AssertionError.class, () -> client.rejoin(client));
  }

  private static History history(Long ref, String epoch, ServerMessage... messages) {
    return new History(ref, "lobby", epoch, List.of(messages), false, null);
  }

  private static ChatMessage message(long id, String text) {
    return new ChatMessage(id, "Bob", text, 1_700_000_000_000L, false);
  }

  private static ChatMessage notice(Long id, String text) {
    return new ChatMessage(id, "Admin", text, 1_700_000_000_000L, true);
  }
}
