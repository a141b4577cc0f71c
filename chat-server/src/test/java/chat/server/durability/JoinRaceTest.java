package chat.server.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.ServerMessage.LocationMessage;
import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joins racing with posts, on the SQLite store (commits on the writer thread): each message posted while a join
 * runs lands in that joiner's history or reaches it live, never both and never neither.
 */
class JoinRaceTest {
  private static final int JOINERS = 20;

  @TempDir Path data;

  @Test
  void aJoinersHistoryAndItsLiveMessagesMeetWithoutAGapOrAnOverlap() throws Exception {
    ServerConfig config = ServerConfig.parse(new String[] {"--store", "sqlite", "--data-dir", data.toString(),
        "--rate-limit", "0", "--history-on-join", "1000"}, Map.of()).withPorts(0, 0);
    try (ChatServer server = ChatServer.start(config);
        TestClient poster = TestClient.connect(server.wsUri()).joined("Poster", "race")) {
      AtomicBoolean posting = new AtomicBoolean(true);
      ExecutorService threads = Executors.newFixedThreadPool(4);
      Future<?> posts = threads.submit(() -> {
        for (int i = 0; posting.get() && i < 100_000; i++) {
          poster.say("post " + i); // a steady stream through the joins, each post as soon as the last is stored
        }
      });
      List<Future<TestClient>> joins = new ArrayList<>();
      for (int j = 0; j < JOINERS; j++) {
        String name = "Joiner" + j;
        joins.add(threads.submit(() -> TestClient.connect(server.wsUri()).joined(name, "race")));
      }
      List<TestClient> joiners = new ArrayList<>();
      for (Future<TestClient> join : joins) {
        joiners.add(join.get());
      }
      posting.set(false);
      posts.get();
      long last = poster.say("last").id();
      threads.shutdown();
      for (TestClient joiner : joiners) {
        joiner.awaitMessage("last");
        assertConsecutive(joiner, last);
        joiner.close();
      }
    }
  }

  /** The history's ids, then the live ones, are each the previous + 1, up to the last message. */
  private static void assertConsecutive(TestClient joiner, long last) {
    History history = joiner.joinHistory();
    List<Long> ids = new ArrayList<>();
    history.messages().forEach(message -> ids.add(idOf(message)));
    boolean afterHistory = false;
    for (ServerMessage message : joiner.received()) {
      if (message == history) {
        afterHistory = true;
      } else if (afterHistory && idOf(message) > 0) {
        ids.add(idOf(message));
      }
    }
    for (int i = 1; i < ids.size(); i++) {
      assertEquals(ids.get(i - 1) + 1, ids.get(i), "ids of " + joiner + " at " + i + ": " + ids);
    }
    assertTrue(ids.get(ids.size() - 1) >= last, "up to the last message");
  }

  private static long idOf(ServerMessage message) {
    if (message instanceof ChatMessage chat) {
      return chat.id() == null ? 0 : chat.id();
    }
    return message instanceof LocationMessage location ? location.id() : 0;
  }
}
