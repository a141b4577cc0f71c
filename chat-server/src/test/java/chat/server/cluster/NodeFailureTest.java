package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.RoomUser;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.ServerMessage.RoomData;
import chat.protocol.testing.CloseStatus;
import chat.protocol.testing.TestClient;
import chat.server.support.Await;
import chat.server.support.RedisServer;
import chat.server.support.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real server processes on a real Redis: a node killed or stalled costs its users nothing but a reconnect. */
class NodeFailureTest {
  private static final Duration NOTICED_WITHIN = Duration.ofSeconds(10);
  private static final String GRACE = "4s";

  @TempDir Path redisFiles;
  private RedisServer redis;
  private String prefix;

  @BeforeEach
  void start() throws Exception {
    redis = RedisServer.start(redisFiles);
    prefix = "test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  @AfterEach
  void stop() throws Exception {
    redis.close();
  }

  @Test
  void aKilledNodesUsersResumeElsewhereSilentlyAndThoseWhoDoNotAreSeenLeavingOnce() throws Exception {
    try (ServerProcess a = node("a"); ServerProcess b = node("b");
        TestClient alice = TestClient.connect(a.wsUri()).joined("Alice", "lobby");
        TestClient carol = TestClient.connect(a.wsUri()).joined("Carol", "lobby");
        TestClient bob = TestClient.connect(b.wsUri()).joined("Bob", "lobby")) {
      Ack said = alice.say("before the crash");
      bob.awaitMessage("before the crash");
      String epoch = alice.joinHistory().epoch();
      a.kill();
      try (TestClient back = TestClient.connect(b.wsUri())) {
        Ack resumed = back.join("Alice", "lobby", said.id(), epoch, alice.resumeToken());
        assertTrue(resumed.isOk(), resumed.toString());
        History history = back.joinHistory();
        assertEquals(Boolean.TRUE, history.recovered());
        bob.withTimeout(NOTICED_WITHIN.plus(Duration.ofSeconds(8))).awaitMessage("Carol has left!");
        RoomData users = bob.awaitUsers("Alice", "Bob");
        assertEquals(List.of("Alice", "Bob"), users.users().stream().map(RoomUser::username).toList());
        back.say("still here");
        bob.awaitMessage("still here");
        assertEquals(0, count(bob, "Alice has left!"), "Alice never left");
        assertEquals(1, count(bob, "Carol has left!"), "Carol left once");
      }
    }
  }

  @Test
  void aStalledNodeDeclaredDeadRestartsItsConnectionsWith1012AndItsUsersResume() throws Exception {
    try (ServerProcess a = node("a"); ServerProcess b = node("b");
        TestClient alice = TestClient.connect(a.wsUri()).joined("Alice", "lobby");
        TestClient bob = TestClient.connect(b.wsUri()).joined("Bob", "lobby")) {
      String token = alice.resumeToken();
      signal(a, "STOP");
      try {
        Await.until("node a declared dead", NOTICED_WITHIN.plus(Duration.ofSeconds(5)),
            () -> ":1".equals(redisCommand("EXISTS " + prefix + "dead:a")));
      } finally {
        signal(a, "CONT");
      }
      CloseStatus closed = alice.withTimeout(Duration.ofSeconds(10)).awaitClose();
      assertEquals(1012, closed.code(), closed.toString());
      try (TestClient back = TestClient.connect(b.wsUri())) {
        assertTrue(back.join("Alice", "lobby", null, null, token).isOk());
        back.say("back");
        bob.awaitMessage("back");
        RoomData users = bob.latest(RoomData.class).orElseThrow();
        assertEquals(List.of("Alice", "Bob"), users.users().stream().map(RoomUser::username).toList(),
            "no ghost, no name twice");
        assertEquals(0, count(bob, "Alice has left!"));
      }
    }
  }

  private ServerProcess node(String id) throws IOException, InterruptedException {
    return ServerProcess.start("--redis", redis.uri().toString(), "--redis-prefix", prefix, "--node-id", id,
        "--reconnect-grace", GRACE, "--room-data-delay", "0", "--rate-limit", "0");
  }

  private String redisCommand(String line) {
    try {
      return redis.command(line);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static void signal(ServerProcess process, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.process().pid())).start();
    assertEquals(0, kill.waitFor(), "kill -" + signal);
  }

  private static long count(TestClient client, String text) {
    return client.received().stream().filter(m -> m instanceof ChatMessage c && c.text().equals(text)).count();
  }
}
