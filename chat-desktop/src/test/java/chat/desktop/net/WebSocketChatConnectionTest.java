package chat.desktop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.testing.Await;
import chat.desktop.testing.SilentServer;
import chat.desktop.testing.TestServer;
import chat.protocol.ServerMessage;
import chat.protocol.testing.TestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real connection against a real server. */
class WebSocketChatConnectionTest implements ChatConnection.Listener {
  private final TestServer server = TestServer.start();
  private final WebSocketChatConnector connector = new WebSocketChatConnector(HttpClient.newHttpClient(),
      () -> new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), () -> 0.5),
      new ConnectionTimings(Duration.ofSeconds(5), Duration.ofSeconds(5)));
  private final List<ServerMessage> messages = new CopyOnWriteArrayList<>();
  private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
    server.close();
  }

  @Test
  void joinsThroughTheHttpAddressAndKeepsTheWelcomeForTheListener() throws Exception {
    ChatConnection connection = connect(server.address());
    await(connection.join("Alice", "Lobby"));
    connection.setListener(this);
    // Protocol v2: the join's history comes first (the app ignores it for now), then the welcome and the users.
    assertTrue(messages.get(0) instanceof ServerMessage.History history && history.room().equals("lobby"));
    assertTrue(messages.get(1) instanceof ServerMessage.ChatMessage welcome && welcome.text().equals("Welcome!"));
    assertTrue(messages.get(2) instanceof ServerMessage.RoomData data && data.room().equals("lobby"));
    assertEquals(List.of(ConnectionState.ONLINE), states);
  }

  @Test
  void connectsToAWebSocketUrlDirectly() throws Exception {
    ChatConnection connection = connect(server.wsUri().toString());
    await(connection.join("Alice", "lobby"));
  }

  @Test
  void aRefusedJoinFailsWithTheServersMessage() throws Exception {
    TestClient bob = bob();
    assertTrue(bob.join("Bob", "lobby").isOk());
    ChatConnection connection = connect(server.address());
    assertEquals("Username is in use!", failureOf(connection.join("bob", "lobby")));
  }

  @Test
  void sendingBeforeJoiningFailsReadably() throws Exception {
    ChatConnection connection = connect(server.address());
    assertEquals("Join a room first", failureOf(connection.sendMessage("hi")));
  }

  @Test
  void messagesReachTheOtherClient() throws Exception {
    TestClient bob = bob();
    bob.join("Bob", "lobby");
    ChatConnection connection = connect(server.address());
    await(connection.join("Alice", "lobby"));
    await(connection.sendMessage("hello Bob"));
    bob.await(ServerMessage.ChatMessage.class, m -> m.text().equals("hello Bob") && m.username().equals("Alice"));
  }

  @Test
  void anUnreachableServerFailsTheConnect() {
    ExecutionException error = assertThrows(ExecutionException.class,
        () -> connector.connect(ServerAddress.parse("http://127.0.0.1:1")).get(20, TimeUnit.SECONDS));
    assertTrue(RequestFailedException.reasonOf(error).startsWith("Cannot reach the chat server at"));
  }

  @Test
  void reconnectsAfterAServerRestartAndJoinsTheSameRoomAgain() throws Exception {
    ChatConnection connection = connect(server.address());
    await(connection.join("Alice", "lobby"));
    connection.setListener(this);
    server.stop();
    Await.until("the connection notices the loss", () -> states.contains(ConnectionState.RECONNECTING));
    server.startAgain();
    Await.until("the connection is back online", () -> connection.status().isOnline());
    TestClient bob = bob();
    bob.join("Bob", "lobby");
    bob.awaitUsers("Alice", "Bob");
    await(connection.sendMessage("back again"));
  }

  @Test
  void requestsFailWhileOffline() throws Exception {
    ChatConnection connection = connect(server.address());
    await(connection.join("Alice", "lobby"));
    connection.setListener(this);
    server.stop();
    Await.until("the connection notices the loss", () -> states.contains(ConnectionState.RECONNECTING));
    assertEquals("Not connected to the server", failureOf(connection.sendMessage("anyone?")));
    server.startAgain();
  }

  @Test
  void closingStopsReconnecting() throws Exception {
    ChatConnection connection = connect(server.address());
    await(connection.join("Alice", "lobby"));
    connection.setListener(this);
    connection.close();
    assertEquals(ConnectionState.CLOSED, connection.status().state());
    TestClient bob = bob();
    bob.join("Bob", "lobby");
    bob.awaitUsers("Bob");
  }

  @Test
  void aSilentServerTimesOutTheRequest() throws Exception {
    try (SilentServer silent = SilentServer.open()) {
      WebSocketChatConnector impatient = new WebSocketChatConnector(HttpClient.newHttpClient(),
          () -> new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), () -> 0.5),
          new ConnectionTimings(Duration.ofMillis(300), Duration.ofSeconds(5)));
      ChatConnection connection = impatient.connect(ServerAddress.parse(silent.uri().toString()))
          .get(10, TimeUnit.SECONDS);
      toClose.add(connection);
      assertEquals("The server did not answer in time", failureOf(connection.join("Alice", "lobby")));
    }
  }

  @Test
  void aServerThatStopsAnsweringPingsCountsAsLost() throws Exception {
    try (SilentServer silent = SilentServer.open()) {
      WebSocketChatConnector watchful = new WebSocketChatConnector(HttpClient.newHttpClient(),
          () -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5), () -> 0.5),
          new ConnectionTimings(Duration.ofSeconds(5), Duration.ofMillis(100)));
      ChatConnection connection = watchful.connect(ServerAddress.parse(silent.uri().toString()))
          .get(10, TimeUnit.SECONDS);
      toClose.add(connection);
      connection.setListener(this);
      Await.until("the silent socket is given up", () -> states.contains(ConnectionState.RECONNECTING));
    }
  }

  @Test
  void aServerThatAnswersPingsStaysConnected() throws Exception {
    WebSocketChatConnector watchful = new WebSocketChatConnector(HttpClient.newHttpClient(),
        () -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5), () -> 0.5),
        new ConnectionTimings(Duration.ofSeconds(5), Duration.ofMillis(500)));
    ChatConnection connection = watchful.connect(ServerAddress.parse(server.address())).get(10, TimeUnit.SECONDS);
    toClose.add(connection);
    await(connection.join("Alice", "lobby"));
    connection.setListener(this);
    WebSocketChatConnection socket = (WebSocketChatConnection) connection;
    Await.until("five heartbeats were answered", () -> socket.pongsReceived() >= 5);
    TestClient bob = bob();
    bob.join("Bob", "lobby");
    await(connection.sendMessage("still here"));
    bob.awaitMessage("still here");
    assertEquals(List.of(ConnectionState.ONLINE), states);
  }

  @Override
  public void onServerMessage(ServerMessage message) {
    messages.add(message);
  }

  @Override
  public void onStatusChanged(ConnectionStatus status) {
    states.add(status.state());
  }

  private ChatConnection connect(String address) throws Exception {
    ChatConnection connection = connector.connect(ServerAddress.parse(address)).get(10, TimeUnit.SECONDS);
    toClose.add(connection);
    return connection;
  }

  private TestClient bob() {
    TestClient bob = TestClient.connect(server.wsUri()).withTimeout(Await.TIMEOUT);
    toClose.add(bob);
    return bob;
  }

  private static void await(CompletableFuture<?> request) throws Exception {
    request.get(10, TimeUnit.SECONDS);
  }

  private static String failureOf(CompletableFuture<?> request) {
    ExecutionException error = assertThrows(ExecutionException.class, () -> request.get(10, TimeUnit.SECONDS));
    return RequestFailedException.reasonOf(error);
  }
}
