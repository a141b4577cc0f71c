package chat.server.transport;

import static chat.server.transport.TestConnections.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.server.metrics.ConnectionMetrics;
import chat.server.transport.TestConnections.Recorded;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocketImpl;
import org.junit.jupiter.api.Test;

class StalledWriteGuardTest {
  private static final long MS = 1_000_000;
  private final AtomicLong clock = new AtomicLong(1_000 * MS);
  private final List<WebSocketImpl> armed = new ArrayList<>();
  private final AtomicLong passes = new AtomicLong();
  private final AtomicLong wakes = new AtomicLong();
  private final SelectorLoop loop = new SelectorLoop() {
    @Override
    public boolean isSelectorThread() {
      return true;
    }

    @Override
    public int readsThisPass() {
      return 0;
    }

    @Override
    public long passesEnded() {
      return passes.get();
    }

    @Override
    public boolean runOnSelector(Runnable task) {
      wakes.incrementAndGet();
      return true;
    }

    @Override
    public void armWrite(WebSocketImpl connection) {
      armed.add(connection);
    }
  };
  private final WriteScheduler writes = new WriteScheduler(loop, FlushPolicy.withMaxWait(Duration.ofMillis(5)),
      new WriteScheduler.Deadline() {
        @Override
        public boolean set(long dueNanos, Runnable task) {
          return true;
        }

        @Override
        public void clear() {}
      }, clock::get, clock::get);
  private final StalledWriteGuard guard = new StalledWriteGuard(writes, loop, clock::get,
      new ConnectionMetrics(new PrometheusRegistry()));
  private final Recorded socket = TestConnections.connection();
  private final WriteScheduler.Target target = writes.register(socket.connection);

  @Test
  void framesNothingWillWriteAreRescuedAtTheNextSweepAfterAPassAndCounted() {
    socket.connection.outQueue.add(frame("forgotten"));
    guard.sweep();
    assertEquals(0, guard.rescues());
    passes.incrementAndGet(); // the selector ended a pass and did not write them
    guard.sweep();
    assertEquals(1, guard.rescues());
    assertEquals(List.of(socket.connection), armed);
  }

  @Test
  void framesWaitingWhileTheSelectorIsStillInOnePassAreNotRescuedButTheSelectorIsWoken() {
    socket.connection.outQueue.add(frame("behind a long pass"));
    guard.sweep();
    guard.sweep();
    assertEquals(0, guard.rescues(), "a starved selector forgot nothing");
    assertEquals(1, wakes.get(), "woken, in case it slept instead");
    passes.incrementAndGet();
    guard.sweep();
    assertEquals(1, guard.rescues(), "a pass ended and the frames are still there: forgotten");
  }

  @Test
  void aWriteScheduledLongAgoIsRescued() {
    socket.connection.outQueue.add(frame("waiting"));
    writes.queued(target, 7, false);
    clock.addAndGet(StalledWriteGuard.STALL_NANOS);
    guard.sweep();
    passes.incrementAndGet();
    guard.sweep();
    assertEquals(1, guard.rescues());
  }

  @Test
  void framesWaitingForTheirScheduledWriteAreLeftAlone() {
    socket.connection.outQueue.add(frame("soon"));
    writes.queued(target, 4, false);
    guard.sweep();
    clock.addAndGet(StalledWriteGuard.SWEEP_MILLIS * MS);
    guard.sweep();
    assertEquals(0, guard.rescues());
    assertEquals(List.of(), armed);
  }

  @Test
  void framesWrittenBetweenSweepsAreNoStall() {
    socket.connection.outQueue.add(frame("one"));
    guard.sweep();
    socket.connection.outQueue.clear();
    socket.connection.outQueue.add(frame("two"));
    guard.sweep();
    assertEquals(0, guard.rescues());
  }

  @Test
  void anEmptyQueueIsNeverRescued() {
    guard.sweep();
    guard.sweep();
    assertEquals(0, guard.rescues());
  }
}
