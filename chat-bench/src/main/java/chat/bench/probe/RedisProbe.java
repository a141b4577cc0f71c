package chat.bench.probe;

import java.io.IOException;

/**
 * Measures the Redis a cluster's nodes share: its CPU and I/O calls from /proc (its pid) and the commands it
 * executed, from {@code INFO stats} over its loopback port. {@link #NONE} stands for a run without Redis, where
 * every reading is -1 (or zero CPU, so that sums with the nodes' stay right).
 */
public final class RedisProbe {
  public static final RedisProbe NONE = new RedisProbe(null, 0);

  private final String pid;
  private final int port;

  public RedisProbe(String pid, int port) {
    this.pid = pid;
    this.port = port;
  }

  public boolean present() {
    return pid != null;
  }

  /** {user, system} CPU seconds; {0, 0} without Redis, {-1, -1} when unreadable. */
  public double[] cpuSplit() {
    return present() ? ProcStats.cpuSplit(pid) : new double[] {0, 0};
  }

  /** I/O system-call counters; all zero without Redis (nothing to add), UNKNOWN when unreadable. */
  public IoCounters io() {
    return present() ? ProcStats.io(pid) : new IoCounters(0, 0, 0, 0);
  }

  /**
   * {@code total_commands_processed} of {@code INFO stats}, or -1 without Redis or when it cannot be asked. The
   * INFO asking for it is counted by the next reading (Redis counts a command once it has run), so the growth
   * between two readings includes exactly one of these requests: see {@link #commandsBetween}.
   */
  public long commandsProcessed() {
    if (!present()) {
      return -1;
    }
    try (RespClient redis = RespClient.connect(port)) {
      return RedisInfo.parse(redis.command("INFO", "stats")).totalCommandsProcessed();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The commands others sent between two readings: the growth less the first reading's own INFO; -1 if unknown. */
  public static long commandsBetween(long first, long second) {
    return first < 0 || second < 0 ? -1 : second - first - 1;
  }
}
