package chat.bench.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * Every knob of a run, from {@code --name value} flags. Defaults make a small fanout against a local Java
 * server.
 */
public record BenchOptions(
    String scenario,
    String protocol,
    String host,
    int port,
    int clients,
    int rooms,
    int senders,
    int messages,
    int warmup,
    int inFlight,
    int rate,
    int payload,
    int joinWindow,
    int timeoutSeconds,
    String serverPid,
    String serverKind,
    int serverHttpPort,
    String label) {

  public static final String USAGE = String.join(System.lineSeparator(),
      "usage: BenchMain [--scenario fanout|rooms|joinstorm|connections] [--protocol chat|socketio]",
      "  [--host 127.0.0.1] [--port WS_PORT] [--clients N] [--rooms R] [--senders S per room]",
      "  [--messages M per sender] [--warmup K unmeasured messages per sender first; joinstorm: K unmeasured storms first] [--inflight W unacked per sender] [--payload BYTES of message text]",
      "  [--rate MSGS_PER_S fanout/rooms: fixed-rate open-loop sending, that many messages a second over all",
      "   senders (after an ack-paced warm-up); latency from each message's scheduled send time]",
      "  [--join-window J joins awaiting ack during setup] [--timeout SECONDS per phase]",
      "  [--server-pid PID --server-kind java|node [--server-http-port PORT, node only]] [--label TEXT]");

  public static BenchOptions parse(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      flags.put(args[i].substring(2), args[i + 1]);
    }
    BenchOptions options = new BenchOptions(
        take(flags, "scenario", "fanout"), take(flags, "protocol", "chat"), take(flags, "host", "127.0.0.1"),
        number(flags, "port", 3001), number(flags, "clients", 100), number(flags, "rooms", 1),
        number(flags, "senders", 5), number(flags, "messages", 100), number(flags, "warmup", 0), number(flags, "inflight", 1),
        number(flags, "rate", 0),
        number(flags, "payload", 64), number(flags, "join-window", 64), number(flags, "timeout", 120),
        flags.remove("server-pid"), take(flags, "server-kind", "java"), number(flags, "server-http-port", 0),
        take(flags, "label", ""));
    if (!flags.isEmpty()) {
      throw new IllegalArgumentException("unknown flags " + flags.keySet());
    }
    boolean messages = options.scenario.equals("fanout") || options.scenario.equals("rooms");
    if (options.rate < 0 || (options.rate > 0 && !messages)) {
      throw new IllegalArgumentException("--rate must be positive and needs --scenario fanout or rooms");
    }
    return options;
  }

  /** The same options with another server endpoint and no server process to probe (in-process tests). */
  public BenchOptions against(String newHost, int newPort) {
    return new BenchOptions(scenario, protocol, newHost, newPort, clients, rooms, senders, messages, warmup, inFlight,
        rate, payload, joinWindow, timeoutSeconds, null, serverKind, serverHttpPort, label);
  }

  long timeoutMillis() {
    return timeoutSeconds * 1000L;
  }

  private static String take(Map<String, String> flags, String name, String fallback) {
    String value = flags.remove(name);
    return value == null ? fallback : value;
  }

  private static int number(Map<String, String> flags, String name, int fallback) {
    String value = flags.remove(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'", e);
    }
  }
}
