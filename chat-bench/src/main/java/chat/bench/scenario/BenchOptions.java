package chat.bench.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every knob of a run, from {@code --name value} flags. Defaults make a small fanout against a local Java
 * server.
 */
public record BenchOptions(
    String scenario,
    String protocol,
    String host,
    List<Integer> ports,
    int nodes,
    int clients,
    int rooms,
    int senders,
    int messages,
    int warmup,
    int inFlight,
    int rate,
    List<Integer> rates,
    int stepSeconds,
    int ackP99LimitMillis,
    int payload,
    int joinWindow,
    int timeoutSeconds,
    String serverPid,
    String serverKind,
    List<Integer> serverHttpPorts,
    String serverDataDir,
    int redisPort,
    String redisPid,
    int killNode,
    int killAfterSeconds,
    String label) {

  /** The scenarios that need protocol v2 (ids, clientIds, resuming joins): the Java server only. */
  static final Set<String> PROTOCOL_V2 = Set.of("ingest", "reconnect", "dbsize", "nodekill");

  public static final String USAGE = String.join(System.lineSeparator(),
"usage: BenchMain [--scenario fanout|rooms|joinstorm|connections|ingest|reconnect|dbsize|nodekill]",
      "  [--protocol chat|socketio] [--host 127.0.0.1] [--port WS_PORT] [--clients N] [--rooms R]",
      "  [--nodes N fanout/rooms/nodekill: a cluster of N server nodes, --port P1,P2,… one WebSocket port each;",
      "   the users alternate between them]",
      "  [--senders S per room] [--messages M per sender; reconnect: M posted while the clients are away]",
      "  [--warmup K unmeasured messages per sender first; joinstorm: K unmeasured storms first; reconnect: K",
      "   unmeasured drop-and-resume rounds first] [--inflight W unacked per sender] [--payload BYTES of text]",
      "  [--rate MSGS_PER_S fanout/rooms: fixed-rate open-loop sending, that many messages a second over all",
      "   senders (after an ack-paced warm-up); latency from each message's scheduled send time]",
      "  [--rates R1,R2,… ingest: the ramp, every user sending open loop at each rate in turn, --step-seconds",
      "   each, until one is not sustained] [--step-seconds 10] [--ack-p99-limit-ms 100 ingest: sustained means",
      "   p99 ack latency at most this]",
      "  [--join-window J joins awaiting ack during setup] [--timeout SECONDS per phase]",
      "  [--server-pid PID --server-kind java|node [--server-http-port PORT, node only]] (a cluster: one pid and",
      "   HTTP port per node, comma-separated, measured as one server)",
      "  [--redis-port PORT --redis-pid PID the Redis a cluster's nodes share, measured with them]",
      "  [--server-data-dir DIR the server's --data-dir; dbsize needs it] [--label TEXT]",
      "  [--kill-node K --kill-after SECONDS nodekill (a cluster, --rate, --server-pid per node): SIGKILL the",
      "   K-th node of --port (default the last) that many seconds into the traffic (default 5); its users resume",
      "   on the next node]");

  public static BenchOptions parse(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      flags.put(args[i].substring(2), args[i + 1]);
    }
    int nodes = number(flags, "nodes", 1);
    BenchOptions options = new BenchOptions(
        take(flags, "scenario", "fanout"), take(flags, "protocol", "chat"), take(flags, "host", "127.0.0.1"),
        numbers(flags, "port", "3001"), nodes, number(flags, "clients", 100),
        number(flags, "rooms", 1),
        number(flags, "senders", 5), number(flags, "messages", 100), number(flags, "warmup", 0),
        number(flags, "inflight", 1), number(flags, "rate", 0), numbers(flags, "rates", "20000"),
        number(flags, "step-seconds", 10), number(flags, "ack-p99-limit-ms", 100),
        number(flags, "payload", 64), number(flags, "join-window", 64), number(flags, "timeout", 120),
        flags.remove("server-pid"), take(flags, "server-kind", "java"), numbers(flags, "server-http-port", "0"),
        flags.remove("server-data-dir"), number(flags, "redis-port", 0), flags.remove("redis-pid"),
        number(flags, "kill-node", nodes), number(flags, "kill-after", 5), take(flags, "label", ""));
    if (!flags.isEmpty()) {
      throw new IllegalArgumentException("unknown flags " + flags.keySet());
    }
    options.validate();
    return options;
  }

  private void validate() {
    boolean messageScenario = scenario.equals("fanout") || scenario.equals("rooms");
    boolean nodeKill = scenario.equals("nodekill");
    if (rate < 0 || (rate > 0 && !messageScenario && !nodeKill)) {
      throw new IllegalArgumentException("--rate must be positive and needs --scenario fanout, rooms or nodekill");
    }
    if (PROTOCOL_V2.contains(scenario) && !protocol.equals("chat")) {
      throw new IllegalArgumentException("--scenario " + scenario + " needs protocol v2: --protocol chat");
    }
    if (scenario.equals("reconnect") && (rooms < 1 || clients % rooms != 0)) {
      throw new IllegalArgumentException("--scenario reconnect needs --clients a multiple of --rooms");
    }
    if (scenario.equals("dbsize") && serverDataDir == null) {
      throw new IllegalArgumentException("--scenario dbsize needs --server-data-dir (the server's --data-dir)");
    }
    if (rates.stream().anyMatch(r -> r < 1) || stepSeconds < 1 || ackP99LimitMillis < 1) {
      throw new IllegalArgumentException("--rates, --step-seconds and --ack-p99-limit-ms must be positive");
    }
    validateCluster(messageScenario || nodeKill);
    if (nodeKill) {
      validateNodeKill();
    }
  }

  /** A node to kill among several, its pid to kill it by, and a fixed rate to keep the traffic going meanwhile. */
  private void validateNodeKill() {
    if (nodes < 2 || rate < 1) {
      throw new IllegalArgumentException("--scenario nodekill needs --nodes 2 or more and --rate");
    }
    if (serverPid == null || serverPid.split(",").length != nodes) {
      throw new IllegalArgumentException("--scenario nodekill needs --server-pid, one per node");
    }
    if (killNode < 1 || killNode > nodes || killAfterSeconds < 1) {
      throw new IllegalArgumentException("--kill-node must be 1 to --nodes and --kill-after positive");
    }
  }

  private void validateCluster(boolean clusterScenario) {
    if (nodes < 1 || ports.size() != nodes) {
      throw new IllegalArgumentException("--port needs one port per node (--nodes " + nodes + "), got " + ports);
    }
    if (nodes > 1 && !clusterScenario) {
      throw new IllegalArgumentException("--nodes above 1 needs --scenario fanout, rooms or nodekill");
    }
    if ((redisPort > 0) != (redisPid != null)) {
      throw new IllegalArgumentException("--redis-port and --redis-pid go together");
    }
  }

  /** The same options with another server endpoint and no server process to probe (in-process tests). */
  public BenchOptions against(String newHost, int newPort) {
    return new BenchOptions(scenario, protocol, newHost, List.of(newPort), 1, clients, rooms, senders, messages,
        warmup, inFlight, rate, rates, stepSeconds, ackP99LimitMillis, payload, joinWindow, timeoutSeconds, null,
        serverKind, serverHttpPorts, serverDataDir, 0, null, killNode, killAfterSeconds, label);
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
    return value == null ? fallback : parseNumber(name, value);
  }

  private static List<Integer> numbers(Map<String, String> flags, String name, String fallback) {
    List<Integer> values = new ArrayList<>();
    for (String value : take(flags, name, fallback).split(",")) {
      values.add(parseNumber(name, value.trim()));
    }
    return List.copyOf(values);
  }

  private static int parseNumber(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'", e);
    }
  }
}
