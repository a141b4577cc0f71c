package chat.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.server.metrics.StoreMetrics;
import chat.server.room.RoomLog;
import chat.server.room.RoomMessage;
import chat.server.support.SwitchableStore;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The threaded log: one writer, outcomes in call order after the commit, a drain on close. */
class GroupCommitLogTest {
  private static final GroupCommitLog.LogSettings SETTINGS =
      new GroupCommitLog.LogSettings(256, 1000, Duration.ofHours(24));

  @TempDir Path data;

  private static StoreMetrics metrics() {
    return new StoreMetrics(new PrometheusRegistry());
  }

  @Test
  void outcomesAndTasksRunInCallOrderOnTheWriterThreadAfterTheCommit() throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(data)) {
      GroupCommitLog log = writerLog(store);
      List<String> seen = new CopyOnWriteArrayList<>();
      for (int i = 1; i <= 500; i++) {
        log.append("lobby", text("m" + i), "alice", recording(seen));
        if (i % 100 == 0) {
          int at = i;
          log.run("lobby", () -> seen.add("task after " + at));
        }
      }
      log.close();

      assertEquals(505, seen.size());
      assertEquals("1 stored on chat-history-writer", seen.get(0));
      assertEquals("task after 100", seen.get(100));
      assertEquals("500 stored on chat-history-writer", seen.get(503));
    }
  }

  @Test
  void closeCommitsEverythingQueuedAndLaterAppendsFail() throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(data)) {
      GroupCommitLog log = writerLog(store);
      CountDownLatch failed = new CountDownLatch(1);
      for (int i = 0; i < 5_000; i++) {
        log.append("lobby", text("m" + i), "alice", new Outcomes());
      }

      log.close();
      log.append("lobby", text("too late"), "alice", new Outcomes() {
        @Override
        public void failed() {
          failed.countDown();
        }
      });

      assertEquals(5_000, store.rooms().get("lobby").lastId());
      assertTrue(failed.await(1, TimeUnit.SECONDS), "refused at once");
    }
  }

  @Test
  void aFailedBatchTakesItsIdsBack() throws Exception {
    SwitchableStore store = new SwitchableStore();
    GroupCommitLog log = writerLog(store);
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    log.append("lobby", text("one"), "alice", recording(seen));
    assertEquals("1 stored on chat-history-writer", seen.poll(5, TimeUnit.SECONDS));
    store.failing(true);
    log.append("lobby", text("lost"), "alice", recording(seen));
    assertEquals("failed", seen.poll(5, TimeUnit.SECONDS));
    assertTrue(log.problem().contains("disk I/O error"), log.problem());
    store.failing(false);
    log.append("lobby", text("two"), "alice", recording(seen));

    assertEquals("2 stored on chat-history-writer", seen.poll(5, TimeUnit.SECONDS));
    log.close();
  }

  @Test
  void outcomesRunWhereTheRunnerSaysInBatchOrder() throws Exception {
    ExecutorService selector = Executors.newSingleThreadExecutor(
        runnable -> new Thread(runnable, "selector"));
    try (SqliteHistoryStore store = SqliteHistoryStore.open(data)) {
      OutcomeRunner onSelector = reports -> {
        selector.execute(reports);
        return true;
      };
      GroupCommitLog log = GroupCommitLog.threaded(store, SETTINGS, Clock.systemUTC(), Runnable::run, onSelector,
          metrics());
      BlockingQueue<String> seen = new LinkedBlockingQueue<>();
      for (int i = 1; i <= 300; i++) {
        log.append("lobby", text("m" + i), "alice", recording(seen));
      }

      for (int i = 1; i <= 300; i++) {
        assertEquals(i + " stored on selector", seen.poll(5, TimeUnit.SECONDS));
      }
      log.close();
    } finally {
      selector.shutdownNow();
    }
  }

  @Test
  void aRunnerThatRefusesLeavesTheOutcomesToTheWriter() throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(data)) {
      GroupCommitLog log = GroupCommitLog.threaded(store, SETTINGS, Clock.systemUTC(), Runnable::run,
          reports -> false, metrics());
      BlockingQueue<String> seen = new LinkedBlockingQueue<>();
      log.append("lobby", text("one"), "alice", recording(seen));

      assertEquals("1 stored on chat-history-writer", seen.poll(5, TimeUnit.SECONDS));
      log.close();
    }
  }

  private static GroupCommitLog writerLog(HistoryStore store) throws StoreException {
    return GroupCommitLog.threaded(store, SETTINGS, Clock.systemUTC(), Runnable::run, OutcomeRunner.WRITER,
        metrics());
  }

  private static RoomMessage text(String text) {
    return new RoomMessage.Text("Alice", text, 1_000, false);
  }

  private static RoomLog.Outcome recording(Collection<String> seen) {
    return new Outcomes() {
      @Override
      public void posted(ServerMessage message, long id) {
        seen.add(id + " stored on " + Thread.currentThread().getName());
      }

      @Override
      public void failed() {
        seen.add("failed");
      }
    };
  }

  /** Outcomes that do nothing unless overridden. */
  private static class Outcomes implements RoomLog.Outcome {
    @Override
    public void posted(ServerMessage message, long id) {}

    @Override
    public void repeated(long id) {}

    @Override
    public void failed() {}
  }
}
