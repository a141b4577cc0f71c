package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.ClientMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.testing.TestClient;
import chat.server.support.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrentJoinTest {
  @RegisterExtension final RunningServer running = new RunningServer();

  @Test
  void manyConcurrentJoinsOfOneNameHaveExactlyOneWinner() {
    int contenders = 40;
    List<TestClient> clients = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      clients.add(running.connect());
    }
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Ack>> acks = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      TestClient client = clients.get(i);
      // Vary only the case, so the race is on the case-insensitive check.
      String name = i % 2 == 0 ? "alice" : "ALICE";
      acks.add(CompletableFuture.supplyAsync(() -> {
        awaitQuietly(go);
        return client.request(new ClientMessage.Join(1, name, "lobby"));
      }));
    }
    go.countDown();

    List<Ack> results = acks.stream().map(CompletableFuture::join).toList();
    assertEquals(1, results.stream().filter(Ack::isOk).count());
    assertEquals(contenders - 1, results.stream().filter(a -> "Username is in use!".equals(a.error())).count());
    assertEquals(1, running.server().rooms().usernames("lobby").size());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
