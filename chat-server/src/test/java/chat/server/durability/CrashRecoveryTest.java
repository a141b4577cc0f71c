package chat.server.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.testing.TestClient;
import chat.server.support.Await;
import chat.server.support.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability contract in a real process on a real SQLite file: {@code kill -9} in the middle of a stream of
 * acked messages from several clients loses nothing acked and nothing anybody received; ids continue, the epoch
 * stays.
 */
class CrashRecoveryTest {
  private static final int SENDERS = 3;
  private static final int ACKS_BEFORE_KILL = 300;
  /** Senders as fast as acks allow; a recovery that replays the whole stream, so the test reads all of it. */
  private static final String[] FLAGS = {"--max-recovery", "100000", "--rate-limit", "0"};

  @TempDir Path data;

  @Test
  void killNineLosesNoAckedMessageAndIdsContinueInTheSameEpoch() throws Exception {
    Map<String, Long> acked = new ConcurrentHashMap<>();
    List<ServerMessage> observed;
    String epoch;
    try (ServerProcess server = ServerProcess.withData(data, FLAGS)) {
      TestClient observer = TestClient.connect(server.wsUri()).joined("Observer", "lobby");
      epoch = observer.joinHistory().epoch();
      List<Thread> senders = startSenders(server, acked);
      Await.until(ACKS_BEFORE_KILL + " acks", Duration.ofSeconds(60), () -> acked.size() >= ACKS_BEFORE_KILL);
      server.kill();
      for (Thread sender : senders) {
        sender.join(10_000);
      }
      observed = observer.received();
      observer.close();
    }
    try (ServerProcess again = ServerProcess.withData(data, FLAGS);
        TestClient reader = TestClient.connect(again.wsUri())) {
      reader.join("Reader", "lobby", 0L, epoch, null);
      History history = reader.joinHistory();
      assertEquals(Boolean.TRUE, history.recovered(), "the whole history after id 0, in the same epoch");
      assertEquals(epoch, history.epoch());
      Map<String, Long> stored = storedTexts(history);
      acked.forEach((text, id) -> assertEquals(id, stored.get(text), "acked " + text + " as " + id));
      for (ServerMessage message : observed) {
        if (message instanceof ChatMessage chat && chat.id() != null && !chat.system()) {
          assertEquals(chat.id(), stored.get(chat.text()), "received before the crash: " + chat.text());
        }
      }
      assertConsecutiveFromOne(history);
      long last = idOf(history.messages().get(history.messages().size() - 1));
      Ack next = reader.say("after the crash");
      assertEquals(last + 1, next.id(), "ids go on where the stored ones end: none reused");
    }
  }

  private static List<Thread> startSenders(ServerProcess server, Map<String, Long> acked) {
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      TestClient client = TestClient.connect(server.wsUri()).joined("Sender" + s, "lobby");
      String name = "Sender" + s;
      Thread sender = new Thread(() -> sendUntilCut(client, name, acked), name);
      sender.setDaemon(true);
      sender.start();
      senders.add(sender);
    }
    return senders;
  }

  /** Sends and records each ack until the connection is gone (the kill). */
  private static void sendUntilCut(TestClient client, String name, Map<String, Long> acked) {
    try {
      for (int i = 0; i < 100_000; i++) {
        String text = name + " #" + i;
        Ack ack = client.say(text, name + "-" + i);
        if (ack.isOk()) {
          acked.put(text, ack.id());
        }
      }
    } catch (AssertionError | RuntimeException e) {
      // the server was killed: the last send has no ack, and need not be stored
    } finally {
      client.close();
    }
  }

  private static Map<String, Long> storedTexts(History history) {
    Map<String, Long> stored = new HashMap<>();
    for (ServerMessage message : history.messages()) {
      ChatMessage chat = (ChatMessage) message;
      if (!chat.system()) {
        assertEquals(null, stored.put(chat.text(), chat.id()), "stored once: " + chat.text());
      }
    }
    return stored;
  }

  private static void assertConsecutiveFromOne(History history) {
    long expected = 1;
    for (ServerMessage message : history.messages()) {
      assertEquals(expected++, idOf(message));
    }
    assertTrue(expected > ACKS_BEFORE_KILL, "the stream was stored: " + expected);
  }

  private static long idOf(ServerMessage message) {
    return ((ChatMessage) message).id();
  }
}
