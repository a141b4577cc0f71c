package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.Ack;
import chat.protocol.testing.TestClient;
import chat.server.config.ServerConfig;
import chat.server.support.Await;
import chat.server.support.MetricsScrape;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} on the admin listener of a real server: the counters follow real traffic. */
class MetricsTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<TestClient> clients = new ArrayList<>();
  private ChatServer server;

  @BeforeEach
  void start() {
    server = ChatServer.start(ServerConfig.parse(new String[] {"--store", "memory", "--rate-limit", "1",
        "--rate-burst", "10", "--room-data-delay", "0"}, Map.of()).withPorts(0, 0).withAdminPort(0));
  }

  @AfterEach
  void stop() {
    clients.forEach(TestClient::close);
    server.close();
  }

  @Test
  void theCountersFollowJoinsRefusalsMessagesAndTheRateLimit() {
    TestClient alice = connect().joined("Alice", "lobby");
    TestClient bob = connect().joined("Bob", "lobby");
    TestClient carol = connect();
    assertFalse(carol.join("alice", "lobby").isOk());
    assertFalse(carol.join("Admin", "lobby").isOk());
    for (String text : List.of("one", "two", "three")) {
      assertTrue(alice.say(text).isOk());
    }
    TestClient flooder = connect().joined("Flooder", "flood");
    List<Long> refs = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      refs.add(flooder.sendMessage("spam " + i));
    }
    List<Ack> acks = refs.stream().map(flooder::awaitAck).toList();
    long posted = acks.stream().filter(Ack::isOk).count();
    long throttled = acks.stream().filter(a -> a.retryAfterMs() != null).count();
    assertTrue(throttled > 0 && posted + throttled == 15, acks.toString());
    bob.close();

    MetricsScrape metrics = awaitScrape(m -> m.value("chat_connections_closed_total", "reason", "client") == 1);
    assertEquals(4, metrics.value("chat_connections_opened_total"));
    assertEquals(3, metrics.value("chat_connections_open"));
    assertEquals(0, metrics.value("chat_connections_closed_total", "reason", "dropped"));
    assertEquals(1 + 3 + 1 + 2 + 1 + 15, metrics.value("chat_frames_received_total"));
    assertEquals(3, metrics.value("chat_joins_total", "kind", "new"));
    assertEquals(1, metrics.value("chat_refusals_total", "request", "join", "reason", "name_taken"));
    assertEquals(1, metrics.value("chat_refusals_total", "request", "join", "reason", "reserved_name"));
    assertEquals(throttled, metrics.value("chat_refusals_total", "request", "message", "reason", "rate_limited"));
    assertEquals(throttled, metrics.value("chat_frames_rate_limited_total"));
    assertEquals(3 + posted, metrics.value("chat_messages_posted_total"));
    assertEquals(3 * 2 + posted, metrics.value("chat_deliveries_total", "kind", "message"));
    assertTrue(metrics.value("chat_deliveries_total", "kind", "notice") >= 1);
    assertTrue(metrics.value("chat_deliveries_total", "kind", "users") >= 1);
    assertEquals(2, metrics.value("chat_rooms_active"));
    assertTrue(metrics.value("chat_received_bytes_total") > 0);
    assertTrue(metrics.value("chat_sent_bytes_total") > 0);
    assertHealthy(metrics);
  }

  @Test
  void theHistogramsCountEveryPostedMessageAndEveryCommit() {
    TestClient alice = connect().joined("Alice", "lobby");
    connect().joined("Bob", "lobby");
    for (int i = 0; i < 5; i++) {
      assertTrue(alice.say("hello " + i).isOk());
    }

    MetricsScrape metrics = MetricsScrape.of(metricsUri());
    assertEquals(5, metrics.value("chat_delivery_latency_seconds_count"));
    assertEquals(5, metrics.value("chat_delivery_latency_seconds_bucket", "le", "+Inf"));
    assertTrue(metrics.value("chat_delivery_latency_seconds_sum") > 0);
    double commits = metrics.value("chat_store_commit_seconds_count");
    assertTrue(commits >= 5 + 2, metrics.text()); // the messages and the two joined notices, at least
    assertEquals(commits, metrics.value("chat_store_batch_requests_count"));
    assertEquals(commits, metrics.value("chat_store_commit_seconds_bucket", "le", "+Inf"));
  }

  @Test
  void theJvmAndTheServerDescribeThemselves() {
    MetricsScrape metrics = MetricsScrape.of(metricsUri());
    assertEquals(1, metrics.value("chat_server_info", "store", "memory"));
    assertTrue(metrics.value("jvm_memory_used_bytes", "area", "heap") > 0);
    assertTrue(metrics.value("jvm_threads_current") > 0);
    assertTrue(metrics.has("jvm_gc_collection_seconds_count"), metrics.text());
    assertTrue(metrics.value("process_cpu_seconds_total") > 0);
  }

  @Test
  void thePublicPortDoesNotServeMetrics() throws Exception {
    HttpResponse<String> response = get(server.httpUri().resolve("/metrics"));
    assertEquals(404, response.statusCode());
    assertFalse(response.body().contains("chat_"), response.body());
  }

  @Test
  void theAdminListenerServesOnlyMetricsAndOnlyToReads() throws Exception {
    URI admin = metricsUri();
    assertEquals(404, get(admin.resolve("/")).statusCode());
    assertEquals(404, get(admin.resolve("/healthz")).statusCode());
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(admin)
        .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void theAdminListenerIsOnTheLoopbackAddressByDefault() {
    InetSocketAddress bound = server.adminAddress().orElseThrow();
    assertTrue(bound.getAddress().isLoopbackAddress(), bound.toString());
    assertEquals("127.0.0.1", ServerConfig.defaults().adminHost());
    assertEquals(9464, ServerConfig.defaults().adminPort().getAsInt());
  }

  @Test
  void adminPortZeroServesNoMetrics() {
    ServerConfig off = ServerConfig.parse(new String[] {"--store", "memory", "--port", "0", "--admin-port", "0"},
        Map.of());
    assertTrue(off.adminPort().isEmpty());
    try (ChatServer quiet = ChatServer.start(off)) {
      assertTrue(quiet.adminAddress().isEmpty());
    }
  }

  @Test
  void aBusyAdminPortStopsTheStartWithOneSentence() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      ServerConfig config = ServerConfig.parse(new String[] {"--store", "memory"}, Map.of()).withPorts(0, 0)
          .withAdminPort(port);
      StartupException e = assertThrows(StartupException.class, () -> ChatServer.start(config));
      assertEquals("Port " + port + " (--admin-port) is already in use: stop the other server or pick another"
          + " port with --admin-port", e.getMessage());
    }
  }

  private static void assertHealthy(MetricsScrape metrics) {
    assertEquals(1, metrics.value("chat_store_healthy"));
    assertEquals(0, metrics.value("chat_store_errors_total", "operation", "commit"));
    assertEquals(0, metrics.value("chat_write_stall_rescues_total"));
    assertEquals(0, metrics.value("chat_unexpected_errors_total"));
  }

  /** Closes are counted when the server has seen them: scrape until {@code ready}. */
  private MetricsScrape awaitScrape(Predicate<MetricsScrape> ready) {
    MetricsScrape[] latest = {null};
    Await.until("the metrics show it", () -> ready.test(latest[0] = MetricsScrape.of(metricsUri())));
    return latest[0];
  }

  private URI metricsUri() {
    return URI.create("http://127.0.0.1:" + server.adminAddress().orElseThrow().getPort() + "/metrics");
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private TestClient connect() {
    TestClient client = TestClient.connect(server.wsUri());
    clients.add(client);
    return client;
  }
}
