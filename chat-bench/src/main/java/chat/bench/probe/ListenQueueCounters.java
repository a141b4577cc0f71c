package chat.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's counts of connections a full listen queue turned away ({@code TcpExt: ListenOverflows} and
 * {@code ListenDrops} in {@code /proc/net/netstat}), for the whole machine. A client turned away retries its
 * SYN after a second or more, so a storm of connects that overflows a server's accept queue shows up as
 * one-second steps in its times. -1 when unreadable.
 */
public record ListenQueueCounters(long overflows, long drops) {
  public static final ListenQueueCounters UNKNOWN = new ListenQueueCounters(-1, -1);

  public static ListenQueueCounters read() {
    try {
      return parse(Files.readAllLines(Path.of("/proc/net/netstat")));
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  /** From the two "TcpExt:" lines, names then values. */
  static ListenQueueCounters parse(List<String> lines) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).startsWith("TcpExt:") && lines.get(i + 1).startsWith("TcpExt:")) {
        List<String> names = List.of(lines.get(i).trim().split("\\s+"));
        String[] values = lines.get(i + 1).trim().split("\\s+");
        return new ListenQueueCounters(Long.parseLong(values[names.indexOf("ListenOverflows")]),
            Long.parseLong(values[names.indexOf("ListenDrops")]));
      }
    }
    return UNKNOWN;
  }

  public boolean known() {
    return overflows >= 0;
  }

  /** The growth since {@code before}; unknown when either is. */
  public ListenQueueCounters since(ListenQueueCounters before) {
    return known() && before.known() ? new ListenQueueCounters(overflows - before.overflows, drops - before.drops)
        : UNKNOWN;
  }
}
