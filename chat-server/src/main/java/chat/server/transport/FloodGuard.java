package chat.server.transport;

import java.util.concurrent.TimeUnit;

/**
 * One connection's allowance of incoming frames: a token bucket ({@code rate} frames a second, up to {@code burst}
 * at once). A frame over the allowance is refused with the time until the next token; a connection that keeps
 * sending regardless ({@value #ABUSE_REJECTIONS} refused frames within {@value #ABUSE_WINDOW_SECONDS} s) is to be
 * closed. A rate of 0 lets everything through (benchmarks).
 */
final class FloodGuard {
  static final int ABUSE_REJECTIONS = 100;
  static final int ABUSE_WINDOW_SECONDS = 10;
  private static final long ABUSE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(ABUSE_WINDOW_SECONDS);

  /** What to do with one frame: let it through, refuse it (retry after some time), or close the connection. */
  record Verdict(boolean allowed, long retryAfterMs, boolean abusive) {
    static final Verdict ALLOWED = new Verdict(true, 0, false);
  }

  private final double tokensPerNano;
  private final double burst;
  private double tokens;
  private long lastRefill;
  private long windowStart;
  private int rejections;

  FloodGuard(double ratePerSecond, int burst, long nowNanos) {
    this.tokensPerNano = ratePerSecond / TimeUnit.SECONDS.toNanos(1);
    this.burst = burst;
    this.tokens = burst;
    this.lastRefill = nowNanos;
  }

  synchronized Verdict admit(long nowNanos) {
    if (tokensPerNano == 0) {
      return Verdict.ALLOWED;
    }
    tokens = Math.min(burst, tokens + (nowNanos - lastRefill) * tokensPerNano);
    lastRefill = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return Verdict.ALLOWED;
    }
    if (rejections == 0 || nowNanos - windowStart > ABUSE_WINDOW_NANOS) {
      windowStart = nowNanos;
      rejections = 0;
    }
    rejections++;
    long retryAfterMs = (long) Math.ceil((1 - tokens) / tokensPerNano / 1_000_000);
    return new Verdict(false, Math.max(1, retryAfterMs), rejections >= ABUSE_REJECTIONS);
  }
}
