package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.testing.TestClient;
import chat.server.support.ClusterProxy;
import chat.server.support.RedisServer;
import chat.server.support.ServerProcess;
import com.google.gson.JsonParser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser chatting through haproxy in front of three cluster nodes: when the node holding its connection is
 * killed, the page reconnects through the proxy to a live node and carries on where it was, and nobody sees
 * its user leave.
 */
class ClusterFailoverBrowserTest {
  private static final String ROOM = "failover";

  @TempDir Path directory;
  private RedisServer redis;
  private final List<ServerProcess> nodes = new ArrayList<>();
  private ClusterProxy proxy;
  private BrowserSession browser;

  @BeforeEach
  void start() throws Exception {
    redis = RedisServer.start(directory);
    int proxyPort = ClusterProxy.freePort();
    String prefix = "browser-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    for (int i = 0; i < 3; i++) {
      nodes.add(ServerProcess.start("--redis", redis.uri().toString(), "--redis-prefix", prefix,
          "--node-id", "n" + i, "--public-ws-url", "ws://127.0.0.1:" + proxyPort + "/ws", "--rate-limit", "0",
          "--room-data-delay", "0", "--reconnect-grace", "30s"));
    }
    proxy = ClusterProxy.start(directory, proxyPort,
        nodes.stream().map(n -> new ClusterProxy.Node(n.httpPort(), n.wsPort())).toList());
    browser = BrowserSession.open(proxy.pagesUri());
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (browser != null) browser.close();
      if (proxy != null) proxy.close();
    } finally {
      for (ServerProcess node : nodes) {
        node.close();
      }
      redis.close();
    }
  }

  @Test
  void whenItsNodeDiesThePageResumesOnAnotherAndNobodySeesItLeave() throws Exception {
    browser.join("Alice", ROOM);
    ServerProcess alicesNode = nodeWithConnections(1);
    TestClient bob = connectedAvoiding(alicesNode);
    bob.joined("Bob", ROOM).said("before the crash");
    browser.waitForMessage("before the crash");

    alicesNode.kill();
    bob.said("while it reconnects");

    browser.waitUntil(Duration.ofSeconds(30), d -> browser.messageTexts().contains("while it reconnects"));
    browser.send("back on another node");
    bob.awaitMessage("back on another node");
    assertEquals(1, browser.count("while it reconnects"), browser.messageTexts().toString());
    List<String> seenByBob = bob.received().stream()
        .filter(ChatMessage.class::isInstance).map(m -> ((ChatMessage) m).text()).toList();
    assertTrue(seenByBob.stream().noneMatch(t -> t.equals("Alice has left!")), "no departure: " + seenByBob);
    bob.close();
  }

  /** The node whose /healthz counts that many connections (waits for the count to settle). */
  private ServerProcess nodeWithConnections(int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (ServerProcess node : nodes) {
        if (connections(node) == count) {
          return node;
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no node has " + count + " connection(s)");
  }

  /** A client through the proxy on any node but {@code avoided} (round-robin: a few tries at most). */
  private TestClient connectedAvoiding(ServerProcess avoided) throws Exception {
    for (int attempt = 0; attempt < 6; attempt++) {
      int before = connections(avoided);
      TestClient client = TestClient.connect(proxy.wsUri());
      if (connections(avoided) == before) {
        return client;
      }
      client.close();
    }
    throw new AssertionError("every connection through the proxy went to the node to be killed");
  }

  private static int connections(ServerProcess node) throws Exception {
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(node.httpUri().resolve("/healthz")).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JsonParser.parseString(health.body()).getAsJsonObject().get("connections").getAsInt();
  }
}
