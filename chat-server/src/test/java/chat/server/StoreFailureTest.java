package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.testing.TestClient;
import chat.server.config.ServerConfig;
import chat.server.support.MetricsScrape;
import chat.server.support.SwitchableStore;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A store that cannot write: sends are refused to their sender, nobody gets them, and /healthz says so. */
class StoreFailureTest {
  private final SwitchableStore store = new SwitchableStore();
  private ChatServer server;

  @BeforeEach
  void start() {
    server = ChatServer.start(ServerConfig.parse(new String[] {"--room-data-delay", "0"}, Map.of())
        .withPorts(0, 0).withAdminPort(0), store);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aSendThatCannotBeSavedIsRefusedAndReachesNobody() {
    try (TestClient alice = TestClient.connect(server.wsUri()).joined("Alice", "lobby");
        TestClient bob = TestClient.connect(server.wsUri()).joined("Bob", "lobby")) {
      alice.skipToUsers("Alice", "Bob");
      store.failing(true);

      assertEquals("Could not save the message; try again", alice.say("lost").error());

      store.failing(false);
      assertTrue(alice.say("saved").isOk());
      bob.awaitMessage("saved");
      assertTrue(bob.received().stream()
          .noneMatch(m -> m instanceof ChatMessage chat && chat.text().equals("lost")), "nobody got it");
    }
  }

  @Test
  void healthzAnswers503NamingTheStoreWhileItFailsAndRecovers() throws Exception {
    try (TestClient alice = TestClient.connect(server.wsUri()).joined("Alice", "lobby")) {
      store.failing(true);
      alice.say("lost");

      HttpResponse<String> failing = healthz();
      assertEquals(503, failing.statusCode());
      JsonObject health = JsonParser.parseString(failing.body()).getAsJsonObject();
      assertEquals("degraded", health.get("status").getAsString());
      assertEquals("switchable test store", health.get("store").getAsString());
      assertTrue(health.get("storeProblem").getAsString().contains("disk I/O error"), failing.body());

      store.failing(false);
      alice.say("saved");
      assertEquals(200, healthz().statusCode());
    }
  }

  @Test
  void theMetricsShowTheStoreFailingAndRecovering() {
    try (TestClient alice = TestClient.connect(server.wsUri()).joined("Alice", "lobby")) {
      store.failing(true);
      alice.say("lost");

      MetricsScrape failing = scrape();
      assertEquals(0, failing.value("chat_store_healthy"));
      assertEquals(1, failing.value("chat_store_errors_total", "operation", "commit"));
      assertEquals(1, failing.value("chat_refusals_total", "request", "message", "reason", "unavailable"));

      store.failing(false);
      assertTrue(alice.say("saved").isOk());
      MetricsScrape recovered = scrape();
      assertEquals(1, recovered.value("chat_store_healthy"));
      assertEquals(1, recovered.value("chat_messages_posted_total"));
    }
  }

  private MetricsScrape scrape() {
    return MetricsScrape.of(URI.create("http://127.0.0.1:" + server.adminAddress().orElseThrow().getPort()
        + "/metrics"));
  }

  private HttpResponse<String> healthz() throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.httpUri().resolve("/healthz")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
