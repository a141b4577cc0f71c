package chat.server.store;

/**
 * How long the writer waits before its next commit. Each commit costs a fixed price (the transaction, the
 * dedup query, waking the selector for its outcomes) on top of its rows; under a steady stream of messages an
 * eager writer pays it for two or three messages at a time and starves the selector on a shared core. So
 * commits start at most every {@code minInterval}: an idle room's message still commits at once, a busy
 * server's messages wait at most that long and share the price. A full batch never waits.
 */
record CommitPacing(long minIntervalNanos, int fullBatch) {
  /** At most a thousand commits a second: one millisecond added, at worst, to an ack under load. */
  static final CommitPacing DEFAULT = new CommitPacing(1_000_000, GroupCommitLog.MAX_BATCH);

  /** Nanoseconds to wait, given the time since the last commit started and how many requests are queued. */
  long waitNanos(long sinceLastCommitNanos, int queued) {
    if (queued == 0 || queued >= fullBatch || sinceLastCommitNanos >= minIntervalNanos) {
      return 0;
    }
    return minIntervalNanos - sinceLastCommitNanos;
  }
}
