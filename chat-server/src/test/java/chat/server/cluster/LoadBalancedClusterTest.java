package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.testing.TestClient;
import chat.server.support.ClusterProxy;
import chat.server.support.RedisServer;
import chat.server.support.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes behind a real haproxy, clients chatting through it; one node is killed mid-run. Every client
 * ends up on a live node, resumed with what it missed: nothing acked is lost, nothing arrives twice.
 */
class LoadBalancedClusterTest {
  private static final int CLIENTS = 6;
  private static final int MESSAGES_EACH = 40;

  @TempDir Path directory;

  @Test
  void killingANodeBehindTheProxyLosesNothingAndDuplicatesNothing() throws Exception {
    int proxyPort = ClusterProxy.freePort();
    String prefix = "lb-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    try (RedisServer redis = RedisServer.start(directory)) {
      List<ServerProcess> nodes = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          nodes.add(ServerProcess.start("--redis", redis.uri().toString(), "--redis-prefix", prefix,
              "--node-id", "n" + i, "--public-ws-url", "ws://127.0.0.1:" + proxyPort + "/ws",
              "--rate-limit", "0", "--room-data-delay", "0", "--reconnect-grace", "20s"));
        }
        try (ClusterProxy proxy = ClusterProxy.start(directory, proxyPort, nodes.stream()
            .map(n -> new ClusterProxy.Node(n.httpPort(), n.wsPort())).toList())) {
          chatThroughTheProxyWhileANodeDies(proxy, nodes.get(1));
        }
      } finally {
        for (ServerProcess node : nodes) {
          node.close();
        }
      }
    }
  }

  private void chatThroughTheProxyWhileANodeDies(ClusterProxy proxy, ServerProcess victim) throws Exception {
    List<ResumingClient> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(new ResumingClient(proxy, "User" + i));
    }
    Map<String, Long> acked = new ConcurrentHashMap<>();
    CountDownLatch halfway = new CountDownLatch(CLIENTS);
    List<Thread> senders = new ArrayList<>();
    for (ResumingClient client : clients) {
      senders.add(new Thread(() -> {
        for (int m = 0; m < MESSAGES_EACH; m++) {
          String text = client.name + "-" + m;
          acked.put(text, client.send(text));
          if (m == MESSAGES_EACH / 2) {
            halfway.countDown();
          }
        }
      }));
    }
    senders.forEach(Thread::start);
    assertTrue(halfway.await(60, TimeUnit.SECONDS), "halfway");
    victim.kill();
    for (Thread sender : senders) {
      sender.join(TimeUnit.SECONDS.toMillis(90));
    }
    assertEquals(CLIENTS * MESSAGES_EACH, acked.size(), "every message acked");
    long lastId = acked.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    for (ResumingClient client : clients) {
      client.catchUpTo(lastId);
      Map<Long, String> seen = client.seen();
      acked.forEach((text, id) -> assertEquals(text, seen.get(id), client.name + " has " + text + " as " + id));
      assertEquals(0, client.duplicates, client.name + " got nothing twice");
      client.close();
    }
  }

  /** A protocol client that, like the real ones, reconnects through the proxy and resumes when it drops. */
  private static final class ResumingClient {
    private final ClusterProxy proxy;
    private final String name;
    private final Map<Long, String> seen = new ConcurrentHashMap<>();
    private final Set<TestClient> read = ConcurrentHashMap.newKeySet();
    private TestClient connection;
    private String epoch;
    private String token;
    private long lastId;
    private int duplicates;
    private int readUpTo;

    ResumingClient(ClusterProxy proxy, String name) {
      this.proxy = proxy;
      this.name = name;
      connect(null);
    }

    /** Sends until acked, reconnecting as often as needed; the client id makes a retry safe. */
    long send(String text) {
      String clientId = UUID.randomUUID().toString();
      for (int attempt = 0; attempt < 20; attempt++) {
        try {
          Ack ack = connection.say(text, clientId);
          if (ack.isOk()) {
            collect();
            return ack.id();
          }
        } catch (AssertionError | RuntimeException e) {
          // dropped mid-request: resume below and send again
        }
        collect();
        connect(lastId);
      }
      throw new AssertionError(name + " could not send " + text);
    }

    void catchUpTo(long id) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (lastId < id && System.nanoTime() < deadline) {
        if (connection.isClosed()) {
          connect(lastId);
        }
        connection.await(ChatMessage.class, m -> m.id() != null && m.id() >= id);
        collect();
      }
    }

    Map<Long, String> seen() {
      collect();
      return seen;
    }

    void close() {
      connection.close();
    }

    private void connect(Long since) {
      Object last = null;
      for (int attempt = 0; attempt < 20; attempt++) {
        TestClient next;
        try {
          next = TestClient.connect(proxy.wsUri()).withTimeout(Duration.ofSeconds(3));
        } catch (AssertionError | RuntimeException e) {
          last = e;
          continue;
        }
        try {
          Ack ack = next.join(name, "lobby", since, epoch, token);
          last = ack;
          if (ack.isOk()) {
            History history = next.joinHistory();
            assertTrue(since == null || Boolean.TRUE.equals(history.recovered()), name + ": " + history);
            epoch = history.epoch();
            token = next.resumeToken();
            connection = next;
            readUpTo = 0;
            collect();
            return;
          }
        } catch (AssertionError | RuntimeException e) {
          last = e; // a node that is dying or not yet drained by the proxy: try again
        }
        next.close();
      }
      throw new AssertionError(name + " could not reconnect; last: " + last);
    }

    /** Takes what the current connection received since the last look: history and live messages. */
    private synchronized void collect() {
      List<ServerMessage> received = connection.received();
      for (int i = readUpTo; i < received.size(); i++) {
        ServerMessage message = received.get(i);
        if (message instanceof History history && history.ref() == null) {
          history.messages().forEach(this::record);
        } else {
          record(message);
        }
      }
      readUpTo = received.size();
    }

    private void record(ServerMessage message) {
      if (message instanceof ChatMessage chat && chat.id() != null) {
        if (seen.put(chat.id(), chat.system() ? "notice" : chat.text()) != null) {
          duplicates++;
        }
        lastId = Math.max(lastId, chat.id());
      }
    }
  }
}
