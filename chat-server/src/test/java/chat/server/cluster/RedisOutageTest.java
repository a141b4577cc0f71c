package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.History;
import chat.protocol.testing.TestClient;
import chat.server.support.Await;
import chat.server.support.ClusterOfServers;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis goes away: joins and sends are refused with {@code unavailable} within 2 s, connections stay open,
 * /healthz answers 503 with the reason; when it is back, delivery resumes within 5 s.
 */
class RedisOutageTest {
  private static final Duration REFUSED_WITHIN = Duration.ofSeconds(2);
  private static final Duration BACK_WITHIN = Duration.ofSeconds(5);

  @TempDir Path redisFiles;
  private ClusterOfServers cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = ClusterOfServers.start(redisFiles, 2, Map.of("RATE_LIMIT", "0"));
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  @Test
  void whileRedisIsDownSendsAndJoinsAreRefusedQuicklyAndConnectionsStayOpen() throws Exception {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    cluster.redis().kill();
    long start = System.nanoTime();
    Ack send = alice.say("into the void");
    assertRefusedQuickly(send, start);
    start = System.nanoTime();
    Ack join = cluster.connect(1).join("Bob", "lobby");
    assertRefusedQuickly(join, start);
    assertTrue(!alice.isClosed(), "Alice's connection stays open");
  }

  @Test
  void healthzAnswers503NamingRedisWhileItIsDownAnd200WhenItIsBack() throws Exception {
    cluster.joined(0, "Alice", "lobby");
    cluster.redis().kill();
    Await.until("a 503", Duration.ofSeconds(5), () -> status(0) == 503);
    JsonObject health = JsonParser.parseString(healthz(0).body()).getAsJsonObject();
    assertTrue(health.get("storeProblem").getAsString().contains("redis"), health.toString());
    cluster.redis().startAgain();
    Await.until("a 200", Duration.ofSeconds(15), () -> status(0) == 200);
  }

  @Test
  void theRoomsListAnswers503WhileRedisIsDown() throws Exception {
    cluster.joined(0, "Alice", "lobby");
    cluster.redis().kill();
    Await.until("a 503 from /api/rooms", Duration.ofSeconds(5), () -> status(0, "/api/rooms") == 503);
  }

  @Test
  void whenRedisIsBackDeliveryResumesAcrossNodes() throws Exception {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    TestClient bob = cluster.joined(1, "Bob", "lobby");
    cluster.redis().stop();
    cluster.redis().startAgain();
    Await.until("node 0 sees Redis again", Duration.ofSeconds(15), () -> status(0) == 200
        && status(1) == 200);
    long back = System.nanoTime();
    Await.until("a message crosses again", BACK_WITHIN, () -> {
      alice.sendMessage("are you there?");
      return bob.received().stream().anyMatch(m -> m instanceof chat.protocol.ServerMessage.ChatMessage c
          && c.text().equals("are you there?"));
    });
    assertTrue(System.nanoTime() - back < BACK_WITHIN.toNanos());
  }

  @Test
  void withAppendOnlyOnAckedMessagesSurviveARedisRestartAndResumeRecovers() throws Exception {
    cluster.close();
    cluster = ClusterOfServers.start(redisFiles, 2, Map.of("RATE_LIMIT", "0"), true);
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    Ack kept = alice.say("kept");
    String epoch = alice.joinHistory().epoch();
    String token = alice.resumeToken();
    cluster.redis().stop();
    cluster.redis().startAgain();
    Await.until("both nodes see Redis again", Duration.ofSeconds(15), () -> status(0) == 200
        && status(1) == 200);
    TestClient reader = cluster.connect(1);
    reader.join("Reader", "lobby", 0L, epoch, null);
    History history = reader.joinHistory();
    assertEquals(epoch, history.epoch(), "the same epoch: nothing was lost");
    assertTrue(history.messages().stream().anyMatch(m -> m instanceof chat.protocol.ServerMessage.ChatMessage c
        && c.id() == kept.id() && c.text().equals("kept")), history.toString());
    TestClient back = cluster.connect(1);
    Ack resumed = back.join("Alice", "lobby", kept.id(), epoch, token);
    assertTrue(resumed.isOk(), resumed.toString());
    assertEquals(Boolean.TRUE, back.joinHistory().recovered());
  }

  private static void assertRefusedQuickly(Ack ack, long startNanos) {
    long took = System.nanoTime() - startNanos;
    assertEquals("unavailable", ack.code(), ack.toString());
    assertTrue(took < REFUSED_WITHIN.toNanos(), "refused after " + took / 1_000_000 + " ms");
  }

  private int status(int node) {
    return status(node, "/healthz");
  }

  private int status(int node, String path) {
    try {
      return get(node, path).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private HttpResponse<String> healthz(int node) throws Exception {
    return get(node, "/healthz");
  }

  private HttpResponse<String> get(int node, String path) throws Exception {
    URI uri = cluster.node(node).httpUri().resolve(path);
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
