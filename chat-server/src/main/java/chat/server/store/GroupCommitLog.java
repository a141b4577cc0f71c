package chat.server.store;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.History;
import chat.server.metrics.StoreMetrics;
import chat.server.room.HeldSeat;
import chat.server.room.RoomLog;
import chat.server.room.RoomMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room log over a {@link HistoryStore}, with one writer: requests queue in call order, and the writer takes
 * everything queued, commits it in one transaction (group commit), then has the outcomes and tasks run in
 * order. That order is every room's sequence ({@link RoomLog}). With a {@link WriterThread} the writer is its
 * own thread, so a disk's latency is paid once per batch; its wake and where the outcomes run are the
 * {@link OutcomeRunner}'s to say (the selector, in the server). While that thread is idle and commits are quick
 * (no fsync, and the last commit was quick), the runner may have the commit done on its own thread instead
 * ({@link OutcomeRunner.Writer#commitHere}), which saves two thread hand-overs per batch. {@link #inline} runs
 * each request to its end on the caller's thread (memory store: nothing to wait for).
 */
public final class GroupCommitLog implements RoomLog, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitLog.class);
  /** Appends waiting beyond this are refused at once: the store has fallen far behind. */
  static final int MAX_PENDING_APPENDS = 100_000;
  /**
   * The most requests one transaction takes: enough to pay one fsync for thousands of messages, few enough
   * that the first of a long backlog is delivered after one batch, not after all of it.
   */
  static final int MAX_BATCH = 2_000;
  /**
   * A commit that takes this long or longer sends the next ones to the writer thread, so the selector does not
   * wait on a slow disk; a quicker one there lets them come back.
   */
  static final Duration QUICK_COMMIT = Duration.ofMillis(1);

  private final HistoryStore store;
  private final LogSettings settings;
  private final Map<String, RoomSequence> sequences = new ConcurrentHashMap<>();
  private final BatchWriter writer;
  private final HistoryReplay replays;
  private final Executor pages;
  private final OutcomeRunner outcomes;
  private final List<HeldSeat> heldSeats;
  private final WriterThread thread;
  private final OutcomeRunner.Writer writerHandle = new OutcomeRunner.Writer() {
    @Override
    public void wake() {
      thread.wake();
    }

    @Override
    public boolean commitHere() {
      return commitOnCaller();
    }
  };
  private final boolean mayCommitOnCaller;
  private final Clock clock;
  private final LogQueue queue = new LogQueue(MAX_BATCH);
  private final ReentrantLock drainLock = new ReentrantLock();
  private final AtomicInteger pendingAppends = new AtomicInteger();
  private final StoreMetrics metrics;
  private volatile String problem;
  private volatile boolean closed;
  private volatile boolean commitsQuick = true;

  private GroupCommitLog(HistoryStore store, LogSettings settings, Clock clock, Executor pages, boolean threaded,
      OutcomeRunner outcomes, StoreMetrics metrics) throws StoreException {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    metrics.backlogFrom(pendingAppends::get);
    store.rooms().forEach((room, state) ->
        sequences.put(room, new RoomSequence(state, settings.tailCapacity(), true)));
    this.writer = new BatchWriter(store, sequences, settings.tailCapacity(), settings.dedupWindow(), clock,
        metrics);
    this.replays = new HistoryReplay(store, settings.maxRecovery(), metrics);
    this.pages = pages;
    this.outcomes = outcomes;
    this.heldSeats = List.copyOf(store.seats());
    this.thread = threaded ? new WriterThread(this::drainQueued) : null;
    this.mayCommitOnCaller = threaded && !store.commitWaitsForDisk();
  }

  /**
   * A log whose writer is its own thread; each batch's outcomes run on {@code outcomes}, page reads on
   * {@code pages}; {@code metrics} counts its batches.
   */
  public static GroupCommitLog threaded(HistoryStore store, LogSettings settings, Clock clock, Executor pages,
      OutcomeRunner outcomes, StoreMetrics metrics) throws StoreException {
    GroupCommitLog groupLog = new GroupCommitLog(store, settings, clock, pages, true, outcomes, metrics);
    groupLog.thread.start();
    return groupLog;
  }

  /** A log that commits and reports each request on the caller's thread before the call returns. */
  public static GroupCommitLog inline(HistoryStore store, LogSettings settings, Clock clock, StoreMetrics metrics)
      throws StoreException {
    return new GroupCommitLog(store, settings, clock, Runnable::run, false, OutcomeRunner.WRITER, metrics);
  }

  @Override
  public void append(String room, RoomMessage message, String senderKey, Outcome then) {
    if (closed || pendingAppends.incrementAndGet() > MAX_PENDING_APPENDS) {
      pendingAppends.decrementAndGet();
      then.failed();
      return;
    }
    enqueue(new LogOp.Append(room, message, senderKey, then));
  }

  @Override
  public void run(String room, Runnable task) {
    enqueue(new LogOp.Task(room, task));
  }

  @Override
  public History replay(String room, Long since, String epoch, int latest) {
    return replays.replay(room, writer.sequence(room), since, epoch, latest);
  }

  @Override
  public void page(String room, Long before, int limit, long ref, Page then) {
    RoomSequence sequence = writer.sequence(room);
    pages.execute(() -> {
      try {
        then.loaded(replays.page(room, sequence, before, limit, ref));
      } catch (StoreException e) {
        log.warn("Loading history of #{} failed: {}", room, e.getMessage());
        metrics.failed(StoreMetrics.Operation.READ);
        then.failed();
      }
    });
  }

  @Override
  public void seatTaken(HeldSeat seat) {
    enqueue(new LogOp.TakeSeat(seat));
  }

  @Override
  public void seatFreed(String room, String userKey) {
    enqueue(new LogOp.FreeSeat(room, userKey));
  }

  @Override
  public List<HeldSeat> heldSeats() {
    return heldSeats;
  }

  @Override
  public String problem() {
    return problem;
  }

  /** Retention moved a room's first retained id (from the pruner's thread). */
  void retainedFrom(String room, long firstId) {
    RoomSequence sequence = sequences.get(room);
    if (sequence != null) {
      sequence.retainedFrom(firstId);
    }
  }

  /**
   * Stops taking appends and returns once everything queued is committed and its outcomes have run or have
   * been handed to the outcome runner.
   */
  @Override
  public void close() {
    closed = true;
    if (thread != null) {
      thread.finish();
    } else {
      drainQueued();
    }
  }

  private void enqueue(LogOp op) {
    queue.add(op);
    if (thread != null) {
      outcomes.wakeWriter(writerHandle);
    } else if (!drainLock.isHeldByCurrentThread()) {
      drainQueued(); // inline: run now, unless this call came from an outcome, whose drain picks it up
    }
  }

  /** Takes everything queued, writes it, reports it; again until the queue is empty. */
  private void drainQueued() {
    drainLock.lock();
    try {
      List<LogOp> ops;
      while (!(ops = queue.take()).isEmpty()) {
        process(ops);
      }
    } finally {
      drainLock.unlock();
    }
  }

  /**
   * The runner's thread (the selector at its pass end): one batch of what is queued, committed and reported
   * here, unless the writer thread is at it or the last commit was slow.
   */
  private boolean commitOnCaller() {
    if (!mayCommitOnCaller || !commitsQuick || closed || !drainLock.tryLock()) {
      return false;
    }
    try {
      List<LogOp> ops = queue.take();
      if (!ops.isEmpty()) {
        process(ops);
      }
    } finally {
      drainLock.unlock();
    }
    if (!queue.isEmpty()) {
      thread.wake(); // more than one batch's worth, or queued meanwhile from another thread
    }
    return true;
  }

  private void process(List<LogOp> ops) {
    boolean committed = mayCommitOnCaller ? timedCommit(ops) : commit(ops);
    if (thread == null || !outcomes.runInOrder(() -> reportAll(ops, committed))) {
      reportAll(ops, committed);
    }
  }

  /** {@link #commit}, noting whether it was quick enough to be done on the selector next time. */
  private boolean timedCommit(List<LogOp> ops) {
    Instant start = clock.instant();
    boolean committed = commit(ops);
    commitsQuick = Duration.between(start, clock.instant()).compareTo(QUICK_COMMIT) < 0;
    return committed;
  }

  /** True when the ops are stored (or there was nothing to store). */
  private boolean commit(List<LogOp> ops) {
    try {
      if (writer.write(ops)) {
        metrics.writable();
        if (problem != null) {
          log.warn("Saving messages to {} works again", store.describe());
          problem = null;
        }
      }
      return true;
    } catch (StoreException e) {
      metrics.commitFailed();
      if (problem == null) {
        log.error("Could not save messages to {}: {}", store.describe(), e.getMessage());
      }
      problem = store.describe() + ": " + e.getMessage();
      return false;
    }
  }

  private void reportAll(List<LogOp> ops, boolean committed) {
    for (LogOp op : ops) {
      try {
        report(op, committed);
      } catch (RuntimeException e) {
        log.error("A room log outcome failed", e); // a bug; the writer must go on for every other room
      }
    }
  }

  private void report(LogOp op, boolean committed) {
    if (op instanceof LogOp.Append append) {
      pendingAppends.decrementAndGet();
      if (!committed) {
        append.outcome.failed();
      } else if (append.repeatOf > 0) {
        append.outcome.repeated(append.repeatOf);
      } else {
        ServerMessage numbered = append.message.withId(append.id);
        writer.sequence(append.room).published(append.id, numbered);
        append.outcome.posted(numbered, append.id);
      }
    } else if (op instanceof LogOp.Task task) {
      task.work().run();
    }
  }

  /** How much the log keeps at hand and replays. */
  public record LogSettings(int tailCapacity, int maxRecovery, Duration dedupWindow) {}
}
