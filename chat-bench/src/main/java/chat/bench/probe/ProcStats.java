package chat.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time, I/O calls and resident memory of a process, read from Linux /proc ("self" for this process). */
public final class ProcStats {
  /** USER_HZ: /proc reports CPU time in these ticks; 100 on Linux (check with {@code getconf CLK_TCK}). */
  public static final int CLOCK_TICKS_PER_SECOND = 100;

  private ProcStats() {}

  /** utime + stime of all the process's threads, in seconds; -1 when unreadable. */
  public static double cpuSeconds(String pid) {
    double[] split = cpuSplit(pid);
    return split[0] < 0 ? -1 : split[0] + split[1];
  }

  /** {utime, stime} in seconds (user space, kernel on its behalf); {-1, -1} when unreadable. */
  public static double[] cpuSplit(String pid) {
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      // fields after the command name, which may itself contain spaces and parentheses
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new double[] {Long.parseLong(fields[11]) / (double) CLOCK_TICKS_PER_SECOND,
          Long.parseLong(fields[12]) / (double) CLOCK_TICKS_PER_SECOND};
    } catch (IOException | RuntimeException e) {
      return new double[] {-1, -1};
    }
  }

  /** The I/O system-call counters of /proc/PID/io; {@link IoCounters#UNKNOWN} when unreadable. */
  public static IoCounters io(String pid) {
    try {
      return IoCounters.parse(Files.readString(Path.of("/proc", pid, "io")));
    } catch (IOException | RuntimeException e) {
      return IoCounters.UNKNOWN;
    }
  }

  /** VmRSS in KiB; -1 when unreadable. */
  public static long rssKib(String pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Open file descriptors of the process; -1 when unreadable. */
  public static long openFds(String pid) {
    try (var entries = Files.list(Path.of("/proc", pid, "fd"))) {
      return entries.count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
