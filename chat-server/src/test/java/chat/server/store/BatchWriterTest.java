package chat.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.server.metrics.StoreMetrics;
import chat.server.room.RoomMessage;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How a run of queued requests is numbered and committed, on every store. */
class BatchWriterTest {
  interface Opener {
    HistoryStore open(Path dataDir) throws StoreException;
  }

  @TempDir
  Path dataDir;

  static Stream<Named<Opener>> stores() {
    return Stream.of(Named.of("memory", directory -> new MemoryHistoryStore()),
        Named.of("sqlite", SqliteHistoryStore::open));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void aRepeatAmongNewSendsGetsItsOriginalIdAndTheNewOnesStayConsecutive(Opener opener) throws StoreException {
    try (HistoryStore store = opener.open(dataDir)) {
      BatchWriter writer = new BatchWriter(store, new HashMap<>(), 16, Duration.ofHours(24), Clock.systemUTC(),
          new StoreMetrics(new PrometheusRegistry()));
      writer.write(List.of(send("c-1")));
      List<LogOp.Append> run = List.of(send("c-2"), send("c-1"), send("c-3"));

      writer.write(List.copyOf(run));

      assertEquals(List.of(2L, 0L, 3L), run.stream().map(append -> append.repeatOf > 0 ? 0 : append.id).toList());
      assertEquals(1, run.get(1).repeatOf);
      assertEquals(List.of(1L, 2L, 3L), store.read("lobby", 0, Long.MAX_VALUE, 10).stream()
          .map(StoredMessage::id).toList());
      assertEquals(OptionalLong.of(3), store.sentId("lobby", "alice", "c-3", 0));
      assertEquals(3, store.rooms().get("lobby").lastId());
    }
  }

  private static LogOp.Append send(String clientId) {
    return new LogOp.Append("lobby", new RoomMessage.Text("Alice", "hi", System.currentTimeMillis(), false,
        clientId), "alice", null);
  }
}
