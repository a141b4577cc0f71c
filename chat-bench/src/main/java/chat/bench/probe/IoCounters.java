package chat.bench.probe;

/**
 * A process's I/O system-call counters from {@code /proc/PID/io}. {@code syscw} counts every write-family call
 * (write, writev, pwrite…) on any descriptor, not only sockets: log lines, a selector's wake-up pipe or
 * eventfd are in it too; send/sendto/sendmsg calls are not. {@code wchar} is the bytes those calls passed.
 */
public record IoCounters(long syscr, long syscw, long rchar, long wchar) {
  /** What an unreadable file gives: every counter -1. */
  public static final IoCounters UNKNOWN = new IoCounters(-1, -1, -1, -1);

  public boolean known() {
    return syscw >= 0;
  }

  /** The counters' growth since {@code earlier}; UNKNOWN when either reading is. */
  public IoCounters minus(IoCounters earlier) {
    if (!known() || !earlier.known()) {
      return UNKNOWN;
    }
    return new IoCounters(syscr - earlier.syscr, syscw - earlier.syscw, rchar - earlier.rchar,
        wchar - earlier.wchar);
  }

  /** Two processes' counters together; UNKNOWN when either is. */
  public IoCounters plus(IoCounters other) {
    if (!known() || !other.known()) {
      return UNKNOWN;
    }
    return new IoCounters(syscr + other.syscr, syscw + other.syscw, rchar + other.rchar, wchar + other.wchar);
  }

  /** Parses the file's "name: value" lines; UNKNOWN when a counter is missing. */
  public static IoCounters parse(String text) {
    long syscr = -1;
    long syscw = -1;
    long rchar = -1;
    long wchar = -1;
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      long value = Long.parseLong(line.substring(colon + 1).trim());
      switch (name) {
        case "syscr" -> syscr = value;
        case "syscw" -> syscw = value;
        case "rchar" -> rchar = value;
        case "wchar" -> wchar = value;
        default -> { }
      }
    }
    boolean complete = syscr >= 0 && syscw >= 0 && rchar >= 0 && wchar >= 0;
    return complete ? new IoCounters(syscr, syscw, rchar, wchar) : UNKNOWN;
  }
}
