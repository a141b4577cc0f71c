package chat.bench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison's scenarios, as generator flags. The first five are issue 6's targets, each sized to a few
 * seconds of server CPU with 10 (fanout) or 2 (rooms) senders per room. The rest are the shapes of chat as
 * people use it, one sender per room: ack-paced ("-single"), cold ("-short": no warm-up on the fresh server
 * every run gets, so the JIT's warm-up counts), and at a fixed offered rate ("rate-": open loop, 15 s each).
 * The last three are durable history's (issue "Nothing is lost"): sustained ingest, the reconnect storm and the
 * database's size; they speak protocol v2, so only the Java server runs them (dbsize: with its SQLite store).
 * The "cluster-" ones are issue 14's: two nodes of the server sharing one Redis, the users alternating between
 * them; only servers with a cluster mode run them (java and node: see ServerKind.clusters). Of those,
 * "cluster-nodekill-" kills one node mid-run and its users resume on the other: protocol v2, so Java only;
 * "cluster-rate-1000-warm" is the fixed rate after 100,000 ack-paced warm-up messages, so that the nodes are
 * done compiling (a node running for a while), beside the fresh nodes of "cluster-rate-1000".
 */
final class Scenarios {
  private Scenarios() {}

  static Map<String, List<String>> all() {
    Map<String, List<String>> all = new LinkedHashMap<>();
    all.put("fanout-100", fanout(100, 10, 500, 100));
    all.put("fanout-1000", fanout(1000, 10, 50, 50));
    all.put("rooms-100x10", rooms(100, 2, 250, 250));
    all.put("joinstorm-1000", List.of("--scenario", "joinstorm", "--clients", "1000", "--warmup", "3"));
    all.put("connections-10000", List.of("--scenario", "connections", "--clients", "10000", "--rooms",
        "1000"));
    all.put("fanout-100-single", fanout(100, 1, 2000, 500));
    all.put("fanout-1000-single", fanout(1000, 1, 500, 100));
    all.put("rooms-100x10-single", rooms(100, 1, 400, 100));
    all.put("rooms-100x10-short", rooms(100, 1, 50, 0));
    all.put("rate-500-fanout-100", rated(fanout(100, 1, 7500, 500), 500));
    all.put("rate-2000-rooms-100x10", rated(rooms(100, 1, 300, 50), 2000));
    all.put("ingest-100x10", ingest(100, 10, "5000,10000,15000,20000,25000,30000,40000", 10, 20));
    all.put("ingest-1000x2", ingest(1000, 2, "5000,10000,15000,20000,25000,30000,40000", 10, 20));
    all.put("reconnect-1000", reconnect(1000, 100, 200, 2));
    all.put("dbsize-200k", dbSize(100, 2000));
    all.put("cluster-rooms-100x10", cluster(rooms(100, 2, 250, 250)));
    all.put("cluster-fanout-1000", cluster(fanout(1000, 10, 50, 50)));
    all.put("cluster-rate-1000", cluster(rated(rooms(100, 1, 150, 50), 1000)));
    all.put("cluster-rate-1000-warm", cluster(rated(rooms(100, 1, 150, 1000), 1000)));
    all.put("cluster-nodekill-1000", nodeKill(100, 150, 1000, 5));
    return all;
  }

  /** Tiny versions of the same, to check the runner end to end in a few minutes. */
  static Map<String, List<String>> quick() {
    Map<String, List<String>> quick = new LinkedHashMap<>();
    quick.put("fanout-50", fanout(50, 5, 50, 10));
    quick.put("rooms-10x10", rooms(10, 2, 50, 0));
    quick.put("joinstorm-100", List.of("--scenario", "joinstorm", "--clients", "100"));
    quick.put("connections-500", List.of("--scenario", "connections", "--clients", "500", "--rooms", "50"));
    quick.put("fanout-50-single", fanout(50, 1, 200, 20));
    quick.put("rooms-10x10-single", rooms(10, 1, 50, 10));
    quick.put("rooms-10x10-short", rooms(10, 1, 20, 0));
    quick.put("rate-200-fanout-50", rated(fanout(50, 1, 200, 20), 200));
    quick.put("rate-200-rooms-10x10", rated(rooms(10, 1, 20, 10), 200));
    quick.put("ingest-10x10", ingest(10, 10, "250,500,1000,2000", 2, 5));
    quick.put("reconnect-100", reconnect(100, 10, 20, 1));
    quick.put("dbsize-20k", dbSize(100, 200));
    quick.put("cluster-rooms-10x10", cluster(rooms(10, 2, 50, 10)));
    quick.put("cluster-fanout-100", cluster(fanout(100, 5, 50, 10)));
    quick.put("cluster-rate-200", cluster(rated(rooms(10, 1, 40, 10), 200)));
    quick.put("cluster-nodekill-100", nodeKill(10, 160, 200, 3));
    return quick;
  }

  /**
   * Whether a server can run a scenario: the protocol v2 ones need the Java server, dbsize its SQLite store, the
   * cluster ones a cluster mode.
   */
  static boolean runsOn(List<String> flags, ServerKind kind) {
    if (nodes(flags) > 1 && !kind.clusters()) {
      return false;
    }
    String scenario = flags.get(flags.indexOf("--scenario") + 1);
    return switch (scenario) {
      case "ingest", "reconnect", "nodekill" -> kind.isJava();
      case "dbsize" -> kind.needsDataDirectory();
      default -> true;
    };
  }

  /** One room of {@code clients}. */
  private static List<String> fanout(int clients, int senders, int messages, int warmup) {
    return List.of("--scenario", "fanout", "--clients", String.valueOf(clients), "--senders",
        String.valueOf(senders), "--messages", String.valueOf(messages), "--warmup", String.valueOf(warmup));
  }

  /** {@code rooms} rooms of 10. */
  private static List<String> rooms(int rooms, int senders, int messages, int warmup) {
    return List.of("--scenario", "rooms", "--clients", String.valueOf(rooms * 10), "--rooms",
        String.valueOf(rooms), "--senders", String.valueOf(senders), "--messages", String.valueOf(messages),
        "--warmup", String.valueOf(warmup));
  }

  /**
   * {@code rooms} rooms of {@code members}, every user sending open loop at each of {@code rates} for
   * {@code seconds}: rooms of 10 weigh the fan-out, rooms of 2 (direct conversations) the store.
   */
  private static List<String> ingest(int rooms, int members, String rates, int seconds, int warmup) {
    return List.of("--scenario", "ingest", "--clients", String.valueOf(rooms * members), "--rooms",
        String.valueOf(rooms), "--rates", rates, "--step-seconds", String.valueOf(seconds), "--warmup",
        String.valueOf(warmup));
  }

  /** {@code clients} users in {@code rooms} rooms drop and resume while one sender per room posts. */
  private static List<String> reconnect(int clients, int rooms, int messagesWhileAway, int warmupRounds) {
    return List.of("--scenario", "reconnect", "--clients", String.valueOf(clients), "--rooms",
        String.valueOf(rooms), "--messages", String.valueOf(messagesWhileAway), "--warmup",
        String.valueOf(warmupRounds));
  }

  /**
   * {@code rooms} rooms of 2, one sender each posting {@code messages} (8 in flight): rooms × messages in all,
   * each room's under the server's default --history-limit of 10,000, so that nothing is pruned.
   */
  private static List<String> dbSize(int rooms, int messages) {
    return List.of("--scenario", "dbsize", "--clients", String.valueOf(rooms * 2), "--rooms", String.valueOf(rooms),
        "--senders", "1", "--messages", String.valueOf(messages), "--inflight", "8");
  }

  /**
   * {@code rooms} rooms of 10 on two nodes, one sender each, {@code messages} each at {@code perSecond} in all;
   * the second node is killed {@code killAfter} seconds in.
   */
  private static List<String> nodeKill(int rooms, int messages, int perSecond, int killAfter) {
    return cluster(List.of("--scenario", "nodekill", "--clients", String.valueOf(rooms * 10), "--rooms",
        String.valueOf(rooms), "--senders", "1", "--messages", String.valueOf(messages), "--rate",
        String.valueOf(perSecond), "--kill-node", "2", "--kill-after", String.valueOf(killAfter)));
  }

  /** The server nodes a scenario needs: its --nodes, 1 without. */
  static int nodes(List<String> flags) {
    int at = flags.indexOf("--nodes");
    return at < 0 ? 1 : Integer.parseInt(flags.get(at + 1));
  }

  /**
   * The same against two nodes. Joins go one at a time: a socket.io node builds each roomData from
   * fetchSockets() across the nodes, and of two joins in flight on two nodes the one whose answer comes last can
   * list the room without the other, leaving members with a stale list; one join at a time keeps every
   * member's last list whole (the setup is not measured).
   */
  private static List<String> cluster(List<String> flags) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(List.of("--nodes", "2", "--join-window", "1"));
    return all;
  }

  /** The same, sent open-loop at {@code perSecond} messages a second in all. */
  private static List<String> rated(List<String> flags, int perSecond) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(List.of("--rate", String.valueOf(perSecond)));
    return all;
  }
}
