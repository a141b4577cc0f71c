package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.testing.TestClient;
import chat.server.support.ClusterOfServers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History, resume and names behave on any node exactly as on one server. */
class ClusterResumeTest {
  @TempDir Path redisFiles;
  private ClusterOfServers cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = ClusterOfServers.start(redisFiles, 2, Map.of("RATE_LIMIT", "0", "RECONNECT_GRACE", "30s"));
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  @Test
  void aJoinOnTheOtherNodeGetsTheRoomsHistoryEndingWithItsOwnNotice() {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    alice.said("one").said("two");
    TestClient bob = cluster.joined(1, "Bob", "lobby");
    History history = bob.joinHistory();
    List<String> texts = history.messages().stream().map(m -> ((ChatMessage) m).text()).toList();
    assertEquals(List.of("Alice has joined!", "one", "two", "Bob has joined!"), texts);
  }

  @Test
  void aClientResumingOnAnotherNodeRecoversWhatItMissedAndKeepsItsSeatSilently() {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    TestClient bob = cluster.joined(0, "Bob", "lobby");
    String token = bob.resumeToken();
    long last = bob.lastId().orElseThrow();
    String epoch = bob.joinHistory().epoch();
    alice.said("while Bob is away");
    TestClient back = cluster.connect(1);
    Ack ack = back.join("Bob", "lobby", last, epoch, token);
    assertTrue(ack.isOk(), "resumed: " + ack);
    History history = back.joinHistory();
    assertEquals(Boolean.TRUE, history.recovered());
    assertEquals(List.of("while Bob is away"), texts(history));
    bob.awaitClose();
    alice.said("after the move");
    back.awaitMessage("after the move");
    assertTrue(alice.received().stream().noneMatch(m -> m instanceof ChatMessage c
        && (c.text().equals("Bob has left!") || c.text().equals("Bob has joined!") && c.id() > last)),
        "nobody saw Bob leave or join again: " + alice.received());
  }

  @Test
  void aResumeLongerThanWhatANodeKeepsAtHandIsRecoveredInFullFromRedis() {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    TestClient bob = cluster.joined(0, "Bob", "lobby");
    cluster.joined(1, "Carol", "lobby"); // node 1 follows the room: it keeps only the latest 256 at hand
    bob.awaitMessage("Carol has joined!");
    String token = bob.resumeToken();
    long last = bob.lastId().orElseThrow();
    String epoch = bob.joinHistory().epoch();
    List<String> said = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      alice.said("message " + i);
      said.add("message " + i);
    }
    TestClient back = cluster.connect(1);
    assertTrue(back.join("Bob", "lobby", last, epoch, token).isOk());
    History history = back.joinHistory();
    assertEquals(Boolean.TRUE, history.recovered());
    assertEquals(said, texts(history), "all 300, in order");
  }

  @Test
  void aResumeWithAWrongTokenOnAnotherNodeIsARefusedJoin() {
    cluster.joined(0, "Bob", "lobby");
    Ack ack = cluster.connect(1).join("Bob", "lobby", null, null, "not-the-token");
    assertEquals("name_taken", ack.code());
  }

  @Test
  void olderPagesComeFromAnyNode() {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    for (int i = 0; i < 30; i++) {
      alice.said("m" + i);
    }
    TestClient bob = cluster.joined(1, "Bob", "lobby");
    History page = bob.loadHistory(10L, 5);
    assertEquals(List.of(5L, 6L, 7L, 8L, 9L), page.messages().stream().map(m -> ((ChatMessage) m).id()).toList());
    assertTrue(page.hasMore());
  }

  @Test
  void aRepeatedSendOnAnotherNodeIsNotPostedTwice() {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    Ack first = alice.say("once", "cid-1");
    String token = alice.resumeToken();
    TestClient again = cluster.connect(1);
    again.join("Alice", "lobby", first.id(), alice.joinHistory().epoch(), token);
    Ack repeat = again.say("once", "cid-1");
    assertEquals(first.id(), repeat.id(), "the original id");
  }

  @Test
  void ofTwentyRacingJoinsOfOneNameSpreadOverTheNodesExactlyOneWins() throws Exception {
    int racers = 20;
    List<TestClient> clients = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      clients.add(cluster.connect(i % 2));
    }
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger won = new AtomicInteger();
    Map<String, Integer> codes = new ConcurrentHashMap<>();
    List<Thread> threads = clients.stream().map(client -> new Thread(() -> {
      try {
        go.await();
        Ack ack = client.join("Racer", "race");
        if (ack.isOk()) {
          won.incrementAndGet();
        } else {
          codes.merge(ack.code(), 1, Integer::sum);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })).toList();
    threads.forEach(Thread::start);
    go.countDown();
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(20));
    }
    assertEquals(1, won.get(), "one winner; the others: " + codes);
    assertEquals(Map.of("name_taken", racers - 1), codes);
  }

  private static List<String> texts(History history) {
    return history.messages().stream().map(ServerMessage.ChatMessage.class::cast).map(ChatMessage::text).toList();
  }
}
