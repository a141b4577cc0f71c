package chat.server.transport;

import static chat.server.transport.TestConnections.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.transport.TestConnections.Recorded;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocketImpl;
import org.junit.jupiter.api.Test;

class WriteSchedulerTest {
  private static final long MS = 1_000_000;
  private final AtomicLong clock = new AtomicLong(1_000 * MS);
  private final FakeLoop loop = new FakeLoop();
  private final FakeDeadline deadline = new FakeDeadline();
  /** The selector's CPU clock: by default it runs with the wall clock, a saturated selector. */
  private final AtomicLong selectorCpu = new AtomicLong();
  private boolean selectorIdles;
  private final WriteScheduler scheduler = new WriteScheduler(loop, FlushPolicy.withMaxWait(Duration.ofMillis(5)),
      deadline, clock::get,
      () -> selectorIdles ? selectorCpu.get() : clock.get());

  @Test
  void nothingIsWrittenBeforeThePassEnds() {
    Recorded socket = connection();
    queue(socket, "hello", false);
    assertEquals(List.of(), socket.writes());
  }

  @Test
  void roomFramesAreWrittenAtTheEndOfAQuietPass() {
    Recorded socket = connection();
    queue(socket, "a", false);
    queue(socket, "b", false);
    scheduler.passEnded(1);
    assertEquals(List.of("ab"), socket.writes());
  }

  @Test
  void aReplyTakesTheRoomFramesQueuedBeforeItInOneWrite() {
    Recorded socket = connection();
    queue(socket, "room", false);
    queue(socket, "ack", true);
    scheduler.passEnded(FlushPolicy.BUSY_PASS_READS);
    assertEquals(List.of("roomack"), socket.writes());
  }

  @Test
  void afterABusyPassRoomFramesWaitForTheNextPassEnd() {
    Recorded socket = connection();
    queue(socket, "a", false);
    scheduler.passEnded(FlushPolicy.BUSY_PASS_READS);
    assertEquals(List.of(), socket.writes());
    queue(socket, "b", false);
    scheduler.passEnded(1);
    assertEquals(List.of("ab"), socket.writes());
  }

  @Test
  void framesThatWaitAreWrittenWhenTheirTimerFiresIfNoPassEndCame() {
    Recorded socket = connection();
    queue(socket, "a", false);
    scheduler.passEnded(FlushPolicy.BUSY_PASS_READS);
    assertEquals(List.of(5 * MS), deadline.delays);
    clock.addAndGet(5 * MS);
    deadline.fire();
    loop.runTasks();
    assertEquals(List.of("a"), socket.writes());
  }

  @Test
  void aTimerFiringInTheMiddleOfABusyPassWritesOnlyWhatIsDue() {
    Recorded waited = connection();
    Recorded fresh = connection();
    queue(waited, "old", false);
    scheduler.passEnded(FlushPolicy.BUSY_PASS_READS);
    clock.addAndGet(5 * MS);
    loop.readsThisPass = FlushPolicy.BUSY_PASS_READS; // the next pass is busy too, and half done
    queue(fresh, "new", false);
    deadline.fire();
    loop.runTasks();
    assertEquals(List.of("old"), waited.writes());
    assertEquals(List.of(), fresh.writes());
  }

  @Test
  void afterLongWritesRoomFramesWaitForThePauseWhileRepliesGo() {
    Recorded slow = connection();
    Recorded other = connection();
    slow.onWrite = () -> clock.addAndGet(MS);
    queue(slow, "1", false);
    clock.addAndGet(SelectorLoad.WINDOW_NANOS); // a window with the selector on the CPU throughout
    scheduler.passEnded(1); // took 1 ms: room frames may wait 2 ms
    queue(slow, "2", false);
    queue(other, "ack", true);
    scheduler.passEnded(1);
    assertEquals(List.of("1"), slow.writes());
    assertEquals(List.of("ack"), other.writes());
    clock.addAndGet(2 * MS);
    deadline.fire();
    loop.runTasks();
    assertEquals(List.of("1", "2"), slow.writes());
  }

  @Test
  void aSelectorWithTimeToSpareWritesRoomFramesDespiteLongWrites() {
    selectorIdles = true;
    Recorded slow = connection();
    slow.onWrite = () -> clock.addAndGet(MS);
    queue(slow, "1", false);
    clock.addAndGet(SelectorLoad.WINDOW_NANOS); // a window in which the selector hardly ran
    scheduler.passEnded(1);
    queue(slow, "2", false);
    scheduler.passEnded(1);
    assertEquals(List.of("1", "2"), slow.writes());
  }

  @Test
  void roomFramesForConnectionsWrittenToWithinTheGapWaitForItsEnd() {
    selectorIdles = true;
    List<Recorded> room = room(FlushPolicy.GAP_SHARE);
    queueToAll(room, "1");
    scheduler.passEnded(1);
    clock.addAndGet(MS / 4);
    queueToAll(room, "2");
    scheduler.passEnded(1);
    room.forEach(socket -> assertEquals(List.of("1"), socket.writes()));
    assertEquals(FlushPolicy.MIN_GAP_NANOS - MS / 4, deadline.delays.get(deadline.delays.size() - 1));
    clock.addAndGet(FlushPolicy.MIN_GAP_NANOS);
    deadline.fire();
    loop.runTasks();
    room.forEach(socket -> assertEquals(List.of("1", "2"), socket.writes()));
  }

  @Test
  void roomFramesQueuedWithinOneGapShareAWrite() {
    selectorIdles = true;
    List<Recorded> room = room(FlushPolicy.GAP_SHARE);
    queueToAll(room, "1");
    scheduler.passEnded(1);
    for (String frame : List.of("2", "3", "4")) {
      clock.addAndGet(MS / 4);
      queueToAll(room, frame);
      scheduler.passEnded(1);
    }
    clock.addAndGet(MS / 4);
    scheduler.passEnded(1);
    room.forEach(socket -> assertEquals(List.of("1", "234"), socket.writes()));
  }

  @Test
  void aPassEndThatLeavesNothingWaitingClearsTheTimer() {
    Recorded socket = connection();
    queue(socket, "a", false);
    scheduler.passEnded(FlushPolicy.BUSY_PASS_READS);
    assertTrue(deadline.isSet());
    scheduler.passEnded(1);
    assertEquals(List.of("a"), socket.writes());
    assertFalse(deadline.isSet());
  }

  @Test
  void framesStillWaitingAtTheNextPassEndKeepTheirTimerAsSet() {
    Recorded socket = connection();
    queue(socket, "a", false);
    scheduler.passEnded(FlushPolicy.BUSY_PASS_READS);
    clock.addAndGet(MS);
    queue(socket, "b", false);
    scheduler.passEnded(FlushPolicy.BUSY_PASS_READS);
    assertEquals(List.of(5 * MS), deadline.delays);
    assertTrue(deadline.isSet());
  }

  @Test
  void tooFewConnectionsWithinTheGapToShareATimerAreWrittenAtOnce() {
    selectorIdles = true;
    List<Recorded> pair = room(FlushPolicy.GAP_SHARE - 1);
    queueToAll(pair, "1");
    scheduler.passEnded(1);
    clock.addAndGet(MS / 4);
    queueToAll(pair, "2");
    scheduler.passEnded(1);
    pair.forEach(socket -> assertEquals(List.of("1", "2"), socket.writes()));
    assertEquals(List.of(), deadline.delays);
  }

  @Test
  void framesQueuedOnOtherThreadsReachTheSelectorInOneTaskForAllConnections() {
    List<Recorded> sockets = List.of(connection(), connection(), connection());
    loop.onSelector = false;
    sockets.forEach(socket -> queue(socket, "notice", false));
    assertEquals(1, loop.tasks.size());
    loop.runTasks();
    scheduler.passEnded(0); // the wake's pass end
    sockets.forEach(socket -> assertEquals(List.of("notice"), socket.writes()));
  }

  @Test
  void withNoSelectorToHandOverToTheLibraryIsAskedForEachWrite() {
    Recorded socket = connection();
    loop.onSelector = false;
    loop.accepting = false;
    queue(socket, "late", false);
    assertEquals(List.of(socket.connection), loop.armed);
  }

  @Test
  void aFullSocketIsLeftToTheLibraryToFinish() {
    Recorded socket = connection();
    socket.maxBytesPerWrite = 2;
    queue(socket, "abcd", true);
    scheduler.passEnded(1);
    assertEquals(List.of("ab"), socket.writes());
    assertEquals(List.of(socket.connection), loop.armed);
  }

  @Test
  void aWriteLeavesTheConnectionUnscheduled() {
    Recorded socket = connection();
    WriteScheduler.Target target = scheduler.register(socket.connection);
    socket.connection.outQueue.add(frame("x"));
    scheduler.queued(target, 1, false);
    assertTrue(target.isScheduled());
    scheduler.passEnded(1);
    assertEquals(false, target.isScheduled());
  }

  private final List<WriteScheduler.Target> targets = new ArrayList<>();
  private final List<Recorded> sockets = new ArrayList<>();

  private Recorded connection() {
    Recorded socket = TestConnections.connection();
    sockets.add(socket);
    targets.add(scheduler.register(socket.connection));
    return socket;
  }

  private List<Recorded> room(int members) {
    List<Recorded> room = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      room.add(connection());
    }
    return room;
  }

  private void queueToAll(List<Recorded> room, String text) {
    room.forEach(socket -> queue(socket, text, false));
  }

  private void queue(Recorded socket, String text, boolean reply) {
    ByteBuffer frame = frame(text);
    socket.connection.outQueue.add(frame);
    scheduler.queued(targets.get(sockets.indexOf(socket)), frame.remaining(), reply);
  }

  /** The timer, fired by the test: records each delay it was set to, as measured on the test's clock. */
  private final class FakeDeadline implements WriteScheduler.Deadline {
    final List<Long> delays = new ArrayList<>();
    Runnable task;

    @Override
    public boolean set(long dueNanos, Runnable task) {
      delays.add(dueNanos - clock.get());
      this.task = task;
      return true;
    }

    @Override
    public void clear() {
      task = null;
    }

    boolean isSet() {
      return task != null;
    }

    void fire() {
      Runnable due = task;
      task = null;
      due.run();
    }
  }

  /** A selector thread that is the test's own: tasks wait until the test runs them. */
  private static final class FakeLoop implements SelectorLoop {
    boolean onSelector = true;
    boolean accepting = true;
    final List<Runnable> tasks = new ArrayList<>();
    final List<WebSocketImpl> armed = new ArrayList<>();

    int readsThisPass;

    @Override
    public boolean isSelectorThread() {
      return onSelector;
    }

    @Override
    public int readsThisPass() {
      return readsThisPass;
    }

    @Override
    public long passesEnded() {
      return 0;
    }

    @Override
    public boolean runOnSelector(Runnable task) {
      if (accepting) {
        tasks.add(task);
      }
      return accepting;
    }

    @Override
    public void armWrite(WebSocketImpl connection) {
      armed.add(connection);
    }

    void runTasks() {
      boolean was = onSelector;
      onSelector = true;
      List<Runnable> batch = new ArrayList<>(tasks);
      tasks.clear();
      batch.forEach(Runnable::run);
      onSelector = was;
    }
  }
}
