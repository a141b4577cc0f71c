package chat.server.security;

import chat.server.support.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.CloseStatus;
import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {
  private static final int SWITCHING_PROTOCOLS = 101;
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int SERVICE_UNAVAILABLE = 503;

  @Test
  void connectionsBeyondTheTotalCapAreRefusedAtTheHandshake() throws IOException {
    try (ChatServer server = Servers.start("--max-connections", "2");
        RawWebSocket first = RawWebSocket.open(server.wsPort(), null);
        RawWebSocket second = RawWebSocket.open(server.wsPort(), null)) {
      assertEquals(SWITCHING_PROTOCOLS, first.status());
      assertEquals(SWITCHING_PROTOCOLS, second.status());
      joinAndAwaitAck(first, "First");
      joinAndAwaitAck(second, "Second"); // acked: the server has counted both connections
      try (RawWebSocket third = RawWebSocket.open(server.wsPort(), null)) {
        assertEquals(SERVICE_UNAVAILABLE, third.status());
        assertEquals("30", third.header("Retry-After"));
        assertEquals("Server is full (2 connections); try again later\n", third.bodyUntilClosed());
      }
      first.close();
      Await.until("a slot is free again", Duration.ofSeconds(10), () -> opens(server));
    }
  }

  @Test
  void connectionsBeyondThePerAddressCapAreRefusedForThatAddressOnly() throws IOException {
    InetAddress other = InetAddress.getByName("127.0.0.2");
    try (ChatServer server = Servers.start("--max-connections-per-address", "1");
        RawWebSocket first = RawWebSocket.open(server.wsPort(), null);
        RawWebSocket fromElsewhere = RawWebSocket.open(server.wsPort(), null, other, 0)) {
      assertEquals(SWITCHING_PROTOCOLS, first.status());
      joinAndAwaitAck(first, "First");
      try (RawWebSocket second = RawWebSocket.open(server.wsPort(), null)) {
        assertEquals(TOO_MANY_REQUESTS, second.status());
        assertEquals("30", second.header("Retry-After"));
        assertEquals("Too many connections from one address (at most 1)\n", second.bodyUntilClosed());
      }
      assertEquals(SWITCHING_PROTOCOLS, fromElsewhere.status());
    }
  }

  @Test
  void thePerAddressCapIsOffByDefault() throws IOException {
    try (ChatServer server = Servers.start();
        RawWebSocket first = RawWebSocket.open(server.wsPort(), null);
        RawWebSocket second = RawWebSocket.open(server.wsPort(), null);
        RawWebSocket third = RawWebSocket.open(server.wsPort(), null)) {
      assertEquals(SWITCHING_PROTOCOLS, third.status());
    }
  }

  @Test
  void aConnectionThatNeverJoinsIsClosedAfterTheJoinTimeout() {
    try (ChatServer server = Servers.start("--join-timeout", "1");
        TestClient idler = TestClient.connect(server.wsUri());
        TestClient member = TestClient.connect(server.wsUri()).joined("Member", "lobby")) {
      CloseStatus closed = idler.awaitClose();

      assertEquals(1008, closed.code());
      assertTrue(closed.reason().contains("Join a room within 1 seconds"), closed.reason());
      assertTrue(member.say("I joined in time").isOk());
    }
  }

  @Test
  void aSocketThatNeverSendsAHandshakeIsCutAfterTheJoinTimeout() throws IOException {
    try (ChatServer server = Servers.start("--join-timeout", "1");
        Socket silent = RawWebSocket.openSilent(server.wsPort())) {
      assertEquals(-1, silent.getInputStream().read());
    }
  }

  @Test
  void aPeerThatStopsAnsweringPingsLeavesTheRoom() throws IOException {
    // Without a grace: a lost peer leaves at once (with one, its seat is held first: see DroppedConnectionTest).
    try (ChatServer server = Servers.start("--connection-lost-timeout", "1", "--reconnect-grace", "0");
        TestClient watcher = TestClient.connect(server.wsUri()).joined("Watcher", "lobby");
        RawWebSocket ghost = RawWebSocket.open(server.wsPort(), null)) {
      ghost.sendText("{\"type\":\"join\",\"ref\":1,\"username\":\"Ghost\",\"room\":\"lobby\"}");
      watcher.awaitMessage("Ghost has joined!");

      // The raw client never answers the server's pings.
      watcher.awaitMessage("Ghost has left!");
      assertFalse(server.rooms().usernames("lobby").contains("Ghost"));
      assertTrue(watcher.say("still here").isOk());
    }
  }

  private static void joinAndAwaitAck(RawWebSocket socket, String username) throws IOException {
    socket.sendText("{\"type\":\"join\",\"ref\":1,\"username\":\"" + username + "\",\"room\":\"lobby\"}");
    socket.awaitText("\"ack\"", Duration.ofSeconds(10));
  }

  private static boolean opens(ChatServer server) {
    try (RawWebSocket probe = RawWebSocket.open(server.wsPort(), null)) {
      return probe.status() == SWITCHING_PROTOCOLS;
    } catch (IOException e) {
      return false;
    }
  }
}
