package chat.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.server.config.FsyncPolicy;
import chat.server.metrics.StoreMetrics;
import chat.server.room.RoomLog;
import chat.server.room.RoomMessage;
import chat.server.support.Await;
import chat.server.support.SwitchableStore;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The threaded log: one writer, outcomes in call order after the commit, a drain on close. */
class GroupCommitLogTest {
  private static final GroupCommitLog.LogSettings SETTINGS =
      new GroupCommitLog.LogSettings(256, 1000, Duration.ofHours(24));

  @TempDir Path data;
  private final ExecutorService selector = Executors.newSingleThreadExecutor(
      runnable -> new Thread(runnable, "selector"));

  @AfterEach
  void stopSelector() {
    selector.shutdownNow();
  }

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

  @Test
  void aQuickCommitIsDoneOnTheRunnersThreadWhenItAsks() throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(data)) {
      assertEquals("1 stored on selector", whereTheFirstAppendIsReported(store));
    }
  }

  @Test
  void commitsThatWaitForTheDiskAreDoneOnTheWriterThreadOnly() throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(data, FsyncPolicy.ALWAYS)) {
      assertEquals("1 stored on chat-history-writer", whereTheFirstAppendIsReported(store));
    }
  }

  @Test
  void aSlowCommitSendsTheNextOnesToTheWriterThreadUntilOneThereIsQuickAgain() throws Exception {
    SteppingClock clock = new SteppingClock(Duration.ofMillis(5)); // every look at it: 5 ms later
    GroupCommitLog log = GroupCommitLog.threaded(new SwitchableStore(), SETTINGS, clock, Runnable::run,
        new CommittingHere(), metrics());
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    List<String> places = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      if (i == 3) {
        clock.step(Duration.ZERO);
      }
      onSelector(() -> log.append("lobby", text("m"), "alice", recording(seen)));
      places.add(seen.poll(5, TimeUnit.SECONDS));
      awaitWriterAsleep(); // else it may still hold the batch it just reported, and take the next one too
    }

    assertEquals(List.of("1 stored on selector", "2 stored on chat-history-writer",
        "3 stored on chat-history-writer", "4 stored on selector"), places);
    log.close();
  }

  /** Appends on the selector, whose runner asks for the commit there; the outcome and where it ran. */
  private String whereTheFirstAppendIsReported(HistoryStore store) throws Exception {
    GroupCommitLog log = GroupCommitLog.threaded(store, SETTINGS, Clock.systemUTC(), Runnable::run,
        new CommittingHere(), metrics());
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    onSelector(() -> log.append("lobby", text("one"), "alice", recording(seen)));
    String outcome = seen.poll(5, TimeUnit.SECONDS);
    log.close();
    return outcome;
  }

  private static void awaitWriterAsleep() {
    Await.until("the writer thread is parked", () -> Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("chat-history-writer"))
        .allMatch(thread -> thread.getState() == Thread.State.WAITING));
  }

  private void onSelector(Runnable work) throws Exception {
    selector.submit(work).get(5, TimeUnit.SECONDS);
  }

  /** A selector that has each commit done at its pass end (here: at once) and runs outcomes where it is. */
  private static final class CommittingHere implements OutcomeRunner {
    @Override
    public boolean runInOrder(Runnable reports) {
      reports.run();
      return true;
    }

    @Override
    public void wakeWriter(Writer writer) {
      if (!writer.commitHere()) {
        writer.wake();
      }
    }
  }

  /** A clock that moves on by its step each time it is read. */
  private static final class SteppingClock extends Clock {
    private final AtomicLong nanos = new AtomicLong();
    private volatile long step;

    SteppingClock(Duration step) {
      step(step);
    }

    void step(Duration next) {
      step = next.toNanos();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochSecond(0, nanos.addAndGet(step));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
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
