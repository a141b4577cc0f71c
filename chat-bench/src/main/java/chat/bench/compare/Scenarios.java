package chat.bench.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The target scenarios of issue 6, as generator flags; each is sized to a few seconds of server CPU. */
final class Scenarios {
  private Scenarios() {}

  static Map<String, List<String>> all() {
    Map<String, List<String>> all = new LinkedHashMap<>();
    all.put("fanout-100", List.of("--scenario", "fanout", "--clients", "100", "--senders", "10",
        "--messages", "500", "--warmup", "100"));
    all.put("fanout-1000", List.of("--scenario", "fanout", "--clients", "1000", "--senders", "10",
        "--messages", "50", "--warmup", "50"));
    all.put("rooms-100x10", List.of("--scenario", "rooms", "--clients", "1000", "--rooms", "100",
        "--senders", "2", "--messages", "250", "--warmup", "250"));
    all.put("joinstorm-1000", List.of("--scenario", "joinstorm", "--clients", "1000", "--warmup", "3"));
    all.put("connections-10000", List.of("--scenario", "connections", "--clients", "10000", "--rooms",
        "1000"));
    return all;
  }

  /** Tiny versions of the same, to check the runner end to end in a minute. */
  static Map<String, List<String>> quick() {
    Map<String, List<String>> quick = new LinkedHashMap<>();
    quick.put("fanout-50", List.of("--scenario", "fanout", "--clients", "50", "--senders", "5",
        "--messages", "50", "--warmup", "10"));
    quick.put("rooms-10x10", List.of("--scenario", "rooms", "--clients", "100", "--rooms", "10",
        "--senders", "2", "--messages", "50"));
    quick.put("joinstorm-100", List.of("--scenario", "joinstorm", "--clients", "100"));
    quick.put("connections-500", List.of("--scenario", "connections", "--clients", "500", "--rooms", "50"));
    return quick;
  }
}
