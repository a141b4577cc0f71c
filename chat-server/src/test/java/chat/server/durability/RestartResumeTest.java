package chat.server.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.testing.CloseStatus;
import chat.protocol.testing.TestClient;
import chat.server.support.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart (SIGTERM) is a drop for everybody, not a mass departure: seats and tokens are kept in the store,
 * those who come back within the grace take their seats silently, and only the others are seen leaving.
 */
class RestartResumeTest {
  @TempDir Path data;

  @Test
  void usersWhoComeBackAfterARestartTakeTheirSeatsSilently() throws Exception {
    TestClient alice;
    TestClient bob;
    long sentBefore;
    try (ServerProcess server = ServerProcess.withData(data, "--reconnect-grace", "30s")) {
      alice = TestClient.connect(server.wsUri()).joined("Alice", "lobby");
      bob = TestClient.connect(server.wsUri()).joined("Bob", "lobby");
      sentBefore = bob.say("before the restart", "bob-1").id();
      alice.awaitMessage("before the restart");
      assertEquals(143, server.terminate(), "SIGTERM: the JVM's exit after its shutdown hook ran");
      assertEquals(1001, alice.awaitClose().code());
    }
    try (ServerProcess again = ServerProcess.withData(data, "--reconnect-grace", "30s");
        TestClient aliceBack = TestClient.connect(again.wsUri());
        TestClient bobBack = TestClient.connect(again.wsUri())) {
      assertTrue(aliceBack.rejoin(alice).isOk());
      assertTrue(bobBack.rejoin(bob).isOk());

      assertEquals(Boolean.TRUE, aliceBack.joinHistory().recovered());
      assertEquals(List.of(), aliceBack.joinHistory().messages(), "nothing happened while the server was down");
      assertEquals(sentBefore, bobBack.say("before the restart", "bob-1").id(), "a retried send posts once");
      bobBack.say("after the restart");
      aliceBack.awaitMessage("after the restart");
      assertTrue(aliceBack.received().stream()
              .noneMatch(m -> m instanceof ChatMessage chat && chat.system() && chat.id() != null),
          "no notice about anybody: " + aliceBack.received());
    }
  }

  @Test
  void whoDoesNotComeBackWithinTheGraceIsSeenLeavingOnce() throws Exception {
    TestClient alice;
    try (ServerProcess server = ServerProcess.withData(data, "--reconnect-grace", "2s")) {
      alice = TestClient.connect(server.wsUri()).joined("Alice", "lobby");
      TestClient.connect(server.wsUri()).joined("Carol", "lobby");
      alice.awaitMessage("Carol has joined!");
      server.terminate();
      CloseStatus closed = alice.awaitClose();
      assertEquals(1001, closed.code());
    }
    try (ServerProcess again = ServerProcess.withData(data, "--reconnect-grace", "2s");
        TestClient aliceBack = TestClient.connect(again.wsUri())) {
      assertTrue(aliceBack.rejoin(alice).isOk());

      aliceBack.awaitMessage("Carol has left!");
      aliceBack.skipToUsers("Alice");
      assertTrue(aliceBack.say("marker").isOk());
      aliceBack.awaitMessage("marker");
      long lefts = aliceBack.received().stream()
          .filter(m -> m instanceof ChatMessage chat && chat.text().equals("Carol has left!")).count();
      assertEquals(1, lefts);
    }
  }
}
