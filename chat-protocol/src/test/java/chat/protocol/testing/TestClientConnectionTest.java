package chat.protocol.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ClientMessage;
import chat.protocol.ProtocolCodec;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection: what the client sends, how it connects or is refused, and how it closes. */
class TestClientConnectionTest {
  private static final ProtocolCodec CODEC = new ProtocolCodec();

  private ScriptedServer server;

  @BeforeEach
  void start() throws Exception {
    server = ScriptedServer.open();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void requestsCarryFreshRefsInTheOrderSent() throws Exception {
    try (TestClient client = TestClient.connect(server.uri())) {
      assertEquals(1, client.sendJoin("Alice", "lobby"));
      assertEquals(2, client.sendMessage("hi"));
      assertEquals(3, client.sendLocation(51.5, -0.12));

      assertEquals(new ClientMessage.Join(1, "Alice", "lobby"), nextRequest());
      assertEquals(new ClientMessage.SendMessage(2, "hi"), nextRequest());
      assertEquals(new ClientMessage.SendLocation(3, 51.5, -0.12), nextRequest());
    }
  }

  @Test
  void protocolV2RequestsCarryTheirNewFields() throws Exception {
    try (TestClient client = TestClient.connect(server.uri())) {
      client.sendJoin("Alice", "lobby", 41L, "e1", "t1");
      client.sendMessage("hi", "5b0c");
      client.sendLocation(51.5, -0.12, "77aa");
      client.sendLoadHistory(120L, 50);

      assertEquals(new ClientMessage.Join(1, "Alice", "lobby", 41L, "e1", "t1"), nextRequest());
      assertEquals(new ClientMessage.SendMessage(2, "hi", "5b0c"), nextRequest());
      assertEquals(new ClientMessage.SendLocation(3, 51.5, -0.12, "77aa"), nextRequest());
      assertEquals(new ClientMessage.LoadHistory(4, 120L, 50), nextRequest());
    }
  }

  @Test
  void rawTextAndBinaryFramesArriveAsSent() throws Exception {
    try (TestClient client = TestClient.connect(server.uri())) {
      client.sendRaw("{not json");
      client.sendBinary(new byte[] {1, 2, 3});

      assertEquals("{not json", server.nextFromClient());
      assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) server.nextFromClient());
    }
  }

  @Test
  void anOriginHeaderIsSentOnlyWhenGiven() throws Exception {
    try (TestClient page = TestClient.connect(server.uri(), "https://chat.example.org")) {
      assertEquals("https://chat.example.org", server.origin());
    }
    try (ScriptedServer other = ScriptedServer.open(); TestClient tool = TestClient.connect(other.uri())) {
      assertNull(other.origin());
    }
  }

  @Test
  void aRefusedHandshakeReportsItsHttpStatus() {
    server.refuseOrigin("https://evil.example");

    assertEquals(404, TestClient.refusedHandshakeStatus(server.uri(), "https://evil.example"));
    AssertionError failure = assertThrows(AssertionError.class,
        () -> TestClient.connect(server.uri(), "https://evil.example"));
    assertTrue(failure.getMessage().contains("refused with HTTP 404"), failure.getMessage());
  }

  @Test
  void expectingARefusalFailsWhenTheHandshakeIsAccepted() {
    assertThrows(AssertionError.class, () -> TestClient.refusedHandshakeStatus(server.uri(), "https://fine.example"));
  }

  @Test
  void connectingToNothingFailsAndSaysWhere() throws Exception {
    URI nowhere;
    try (ServerSocket unused = new ServerSocket(0)) {
      nowhere = URI.create("ws://127.0.0.1:" + unused.getLocalPort());
    }

    AssertionError failure = assertThrows(AssertionError.class, () -> TestClient.connect(nowhere));
    assertTrue(failure.getMessage().startsWith("Could not connect to " + nowhere), failure.getMessage());
  }

  @Test
  void theServersCloseCodeAndReasonAreReported() throws Exception {
    try (TestClient client = TestClient.connect(server.uri())) {
      server.closeClient(4001, "go away");

      assertEquals(new CloseStatus(4001, "go away"), client.awaitClose());
      assertTrue(client.isClosed());
      assertFalse(client.trySendRaw("anyone?"));
      assertThrows(AssertionError.class, () -> client.sendRaw("anyone?"));
    }
  }

  @Test
  void closingIsACleanHandshake() throws Exception {
    TestClient client = TestClient.connect(server.uri());

    client.close(4002, "done");

    assertEquals(4002, server.awaitClientCloseCode());
    assertEquals(new CloseStatus(4002, "done"), client.awaitClose());
    client.close();
  }

  @Test
  void closingAbruptlySendsNoCloseFrame() throws Exception {
    TestClient client = TestClient.connect(server.uri());

    client.closeAbruptly();

    assertEquals(CloseStatus.ABNORMAL, server.awaitClientCloseCode());
    assertEquals(CloseStatus.ABNORMAL, client.awaitClose().code());
  }

  private Object nextRequest() throws Exception {
    return CODEC.decodeClient((String) server.nextFromClient());
  }
}
