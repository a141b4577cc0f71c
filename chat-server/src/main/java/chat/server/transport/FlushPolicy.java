package chat.server.transport;

import java.time.Duration;

/**
 * When a connection's queued frames are written: at the end of the selector pass that queued them, unless
 * waiting lets the next frames for the same connection share the write. A loopback write costs several
 * microseconds of kernel time whatever its size, so on a server that is already busy writing, merging writes is
 * what keeps it from falling behind; on a quiet one, waiting only adds latency. The decision is a pure function
 * of what a pass end can observe, so it is tested without sockets or clocks (docs/decisions/0011-one-write-path.md).
 *
 * @param maxWaitNanos   no frame waits longer than this ({@code --fanout-flush-delay}); 0: nothing ever waits
 * @param minGapNanos    a connection written to less than this long ago gets its room frames no sooner: a room
 *                       that posts faster than this (one ack-paced sender, a busy event) reaches each member in
 *                       one write per gap instead of one per message; a room posting slower never waits
 * @param busyPassReads  a pass that read this many frames is busy: the next pass end comes soon, with more
 * @param fullWriteBytes this much queued fills a write: waiting gains nothing
 * @param pauseFactor    after writes that took t, on a saturated selector ({@link SelectorLoad}), room frames
 *                       may wait for up to this × t (a join storm's notices to a big room take milliseconds to
 *                       write, and the joins keep coming meanwhile)
 * @param gapShare       the gap holds frames back only when at least this many connections wait for it at one
 *                       pass end, or a timer is already set: the timer that ends the wait wakes two threads,
 *                       which costs more than the writes of a connection or two would
 */
record FlushPolicy(long maxWaitNanos, long minGapNanos, int busyPassReads, int fullWriteBytes, int pauseFactor,
    int gapShare) {
  /** At most a thousand room writes a second to one connection: far more than anybody reads. */
  static final long MIN_GAP_NANOS = 1_000_000;
  static final int BUSY_PASS_READS = 32;
  static final int FULL_WRITE_BYTES = 16 * 1024;
  static final int PAUSE_FACTOR = 2;
  static final int GAP_SHARE = 4;

  static FlushPolicy withMaxWait(Duration maxWait) {
    long max = maxWait.toNanos();
    return new FlushPolicy(max, Math.min(MIN_GAP_NANOS, max), BUSY_PASS_READS, FULL_WRITE_BYTES, PAUSE_FACTOR,
        GAP_SHARE);
  }

  /** Whether a connection written to {@code sinceWriteNanos} ago is within the gap. */
  boolean withinGap(long sinceWriteNanos) {
    return sinceWriteNanos < minGapNanos;
  }

  /**
   * Whether the gap may hold frames back at this pass end: {@code withinGap} connections are within it, and
   * {@code timerSet} says whether a timer is already set for waiting frames.
   */
  boolean gapPays(int withinGap, boolean timerSet) {
    return timerSet || withinGap >= gapShare;
  }

  /**
   * True when a connection's frames are written at this pass end.
   *
   * @param reply          a reply to the connection (an ack, a Welcome!) is among them: replies never wait, and
   *                       take the connection's room frames along
   * @param waitedNanos    how long the oldest of them has waited
   * @param queuedBytes    how much is queued for the connection
   * @param sinceWriteNanos how long ago the connection was last written to
   * @param passReads      how many frames the pass that is ending read
   * @param pauseLeftNanos how much is left of the pause after the last writes (negative: none, or the selector
   *                       is not saturated)
   * @param gapPays        whether the gap holds frames back at this pass end ({@link #gapPays})
   */
  boolean writeNow(boolean reply, long waitedNanos, int queuedBytes, long sinceWriteNanos, int passReads,
      long pauseLeftNanos, boolean gapPays) {
    if (reply || waitedNanos >= maxWaitNanos || queuedBytes >= fullWriteBytes) {
      return true;
    }
    boolean heldByGap = gapPays && withinGap(sinceWriteNanos);
    return !heldByGap && passReads < busyPassReads && pauseLeftNanos <= 0;
  }

  /**
   * When frames still waiting at {@code nowNanos} must be looked at again at the latest: the end of the gap that
   * holds them, else their wait's bound. A gap that has ended holds nothing: frames waiting past it wait for
   * something else (a busy pass, a pause), which sets its own, sooner, time.
   */
  long dueNanos(long listedAtNanos, long lastWriteNanos, long nowNanos) {
    long bound = listedAtNanos + maxWaitNanos;
    long gapEnd = lastWriteNanos + minGapNanos;
    return gapEnd > nowNanos ? Math.min(bound, gapEnd) : bound;
  }

  /** How long room frames may wait after writes that took {@code writeNanos}. */
  long pauseAfter(long writeNanos) {
    return pauseFactor * writeNanos;
  }
}
