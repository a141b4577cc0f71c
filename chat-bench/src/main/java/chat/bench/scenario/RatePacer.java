package chat.bench.scenario;

/**
 * The schedule of an open-loop sender: message n (0-based) of {@code total} is due at start + n / rate, whether
 * or not earlier ones were answered. Pure arithmetic on clock readings passed in, so tests drive it with
 * made-up times. A caller that fell behind gets at most {@code maxBurst} due messages per call (bounded
 * catch-up), each still with its own due time, which the sender stamps into the text: latency then counts from
 * when the message should have left, and a late send cannot hide the queueing before it.
 */
final class RatePacer {
  /** Sends message {@code number}, which was due at {@code dueNanos}. */
  interface Send {
    void send(long number, long dueNanos);
  }

  private final long startNanos;
  private final double nanosPerMessage;
  private final long total;
  private final int maxBurst;
  private long next;

  RatePacer(long startNanos, double messagesPerSecond, long total, int maxBurst) {
    if (messagesPerSecond <= 0 || maxBurst < 1) {
      throw new IllegalArgumentException("rate and burst must be positive");
    }
    this.startNanos = startNanos;
    this.nanosPerMessage = 1e9 / messagesPerSecond;
    this.total = total;
    this.maxBurst = maxBurst;
  }

  long dueNanos(long number) {
    return startNanos + Math.round(number * nanosPerMessage);
  }

  /** Sends the messages due by {@code nowNanos}, oldest first, at most maxBurst; returns how many. */
  int sendDue(long nowNanos, Send send) {
    int sent = 0;
    while (next < total && sent < maxBurst && dueNanos(next) <= nowNanos) {
      send.send(next, dueNanos(next));
      next++;
      sent++;
    }
    return sent;
  }

  /** When the next unsent message is due (in the past when behind); Long.MAX_VALUE once all are sent. */
  long nextDueNanos() {
    return done() ? Long.MAX_VALUE : dueNanos(next);
  }

  boolean done() {
    return next >= total;
  }

  /** The schedule's length: from the first message's due time to the last one's. */
  double scheduleSeconds() {
    return total <= 1 ? 0 : (dueNanos(total - 1) - startNanos) / 1e9;
  }
}
