package chat.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rows a scenario's table has, by the generator scenario its runs ran: the message scenarios' CPU, writes
 * and latency (against a cluster: of all its processes, with Redis's part and the cross-node latency); ingest's
 * ramp; the reconnect storm's times; the database's size; the node kill's resumes and accounting.
 */
final class TableRows {
  private static final Pattern INGEST_STEP = Pattern.compile("ingest_(\\d+)_persisted_per_s");

  private static final List<TableRow> MESSAGES = List.of(
      TableRow.median("server CPU per delivery (µs)", "server_cpu_us_per_delivery", 1, true,
          "server CPU per delivery", "utime + stime of the server process over the measured window "
              + "(`/proc/PID/stat`, 10 ms ticks) divided by the deliveries in it; the sender's own copy is a delivery "
              + "(join storm: the notices and roomData frames)"),
      TableRow.median("write syscalls per delivery", "server_writes_per_delivery", 1, true,
          "write syscalls per delivery", "growth of `syscw` in `/proc/PID/io` over the window divided by the "
              + "deliveries. It counts every write-family call (write, writev) on any descriptor: socket writes, but "
              + "also log output and a selector's wake-up pipe or eventfd; send/sendmsg calls are not in it"),
      TableRow.median("kernel share of server CPU", "server_kernel_share", 1, false, "kernel share",
          "stime / (utime + stime) of the server over the window"),
      TableRow.median("latency p50 (ms)", "latency_p50_us", 1e-3, true),
      TableRow.median("latency p99 (ms)", "latency_p99_us", 1e-3, true, "latency p50, p99",
          "from the text's stamp to the receiver's read, over every delivery of the window (ack-paced: the time "
              + "it was sent; fixed rate: the time it was scheduled, so a late send counts)"),
      TableRow.median("send lag p99 (ms)", "send_lag_p99_us", 1e-3, false, "send lag",
          "fixed rate only: how long after its scheduled time the generator sent a message (its own lateness, "
              + "included in the latency)"));

  private static final List<TableRow> CLUSTER = List.of(
      TableRow.median("CPU per delivery, nodes + Redis (µs)", "server_cpu_us_per_delivery", 1, true,
          "CPU per delivery", "utime + stime of both nodes and the redis-server process over the measured window "
              + "(`/proc/PID/stat`, 10 ms ticks) divided by the deliveries in it; the sender's own copy is a delivery"),
      TableRow.median("of it Redis (µs)", "redis_cpu_us_per_delivery", 1, true),
      TableRow.median("Redis share of the CPU", "redis_cpu_share", 1, false, "Redis share",
          "Redis's utime + stime over that of all three processes"),
      TableRow.median("Redis commands per message", "redis_commands_per_message", 1, true,
          "Redis commands per message", "growth of `total_commands_processed` in Redis's `INFO stats` over the "
              + "window (less the generator's own INFO) divided by the messages sent in it"),
      TableRow.median("write syscalls per delivery, nodes + Redis", "server_writes_per_delivery", 1, true,
          "write syscalls per delivery", "growth of `syscw` in `/proc/PID/io` of the three processes over the "
              + "window divided by the deliveries (every write-family call on any descriptor: the clients' "
              + "sockets, the Redis connections, logs, wake-ups; send/sendmsg calls are not in it)"),
      TableRow.median("kernel share of the CPU", "server_kernel_share", 1, false, "kernel share",
          "stime / (utime + stime) of the three processes over the window"),
      TableRow.median("cross-node latency p50 (ms)", "cross_node_latency_p50_us", 1e-3, true),
      TableRow.median("cross-node latency p99 (ms)", "cross_node_latency_p99_us", 1e-3, true, "cross-node latency",
          "from the text's stamp to the receiver's read, over the deliveries to receivers connected to the other "
              + "node than the sender's (the message went through Redis)"),
      TableRow.median("same-node latency p99 (ms)", "same_node_latency_p99_us", 1e-3, true, "same-node latency",
          "the same over the deliveries to receivers on the sender's node"),
      TableRow.median("latency p50 (ms), all deliveries", "latency_p50_us", 1e-3, true),
      TableRow.median("latency p99 (ms), all deliveries", "latency_p99_us", 1e-3, true, "latency",
          "as in the other tables: ack-paced, from the time it was sent; fixed rate, from the time it was "
              + "scheduled, so a late send counts"),
      TableRow.median("send lag p99 (ms)", "send_lag_p99_us", 1e-3, false, "send lag",
          "fixed rate only: how long after its scheduled time the generator sent a message (its own lateness, "
              + "included in the latency)"));

  private static final List<TableRow> INGEST_SUMMARY = List.of(
      TableRow.median("highest sustained rate (messages/s)", "ingest_max_sustained_per_s", 1, true,
          "highest sustained rate", "the fastest offered rate of the ramp at which every message was acked with "
              + "an id, the acks kept up (persisted per s at least 95 % of the rate) and ack latency p99 stayed "
              + "within the run's limit; the ramp stops after the first rate that is not sustained"),
      TableRow.median("persisted per s, at that rate", "persisted_per_s", 1, true, "persisted per s",
          "acks carrying an id (the message is committed) divided by the time from the step's first due send "
              + "to its last ack"),
      TableRow.median("ack latency p50 (ms), at that rate", "ack_latency_p50_us", 1e-3, true),
      TableRow.median("ack latency p99 (ms), at that rate", "ack_latency_p99_us", 1e-3, true, "ack latency",
          "from a message's scheduled send time to the read of its ack, over every message of the step"),
      TableRow.median("server CPU per message (µs), at that rate", "server_cpu_us_per_message", 1, true,
          "server CPU per message", "utime + stime of the server over the step divided by the messages sent "
              + "(each delivered to its whole room)"),
      TableRow.median("most persisted per s, any step", "ingest_peak_persisted_per_s", 1, true));

  private static final List<TableRow> RECONNECT = List.of(
      TableRow.median("time until all caught up (s)", "reconnect_caught_up_s", 1, true, "time until all caught up",
          "from the first reconnect until the last client had read its history and its join's ack"),
      TableRow.median("resume time p50 (ms)", "resume_p50_ms", 1, true),
      TableRow.median("resume time p99 (ms)", "resume_p99_ms", 1, true, "resume time",
          "per client, from its connect call to the read of its join's ack (the history comes before it)"),
      TableRow.median("resume time max (ms)", "resume_max_ms", 1, true),
      TableRow.median("server CPU per resume (ms)", "server_cpu_ms_per_resume", 1, true, "server CPU per resume",
          "utime + stime of the server from the first reconnect until all caught up, divided by the clients"),
      TableRow.median("connects turned away by a full listen queue", "listen_queue_overflows", 1, false,
          "turned away", "growth of the kernel's `ListenOverflows` (`/proc/net/netstat`, the whole machine) during "
              + "the storm: each such connect is retried after a second or more"),
      TableRow.median("clients resumed", "resumed_clients", 1, false),
      TableRow.median("history messages received", "history_messages_received", 1, false, "history messages",
          "entries of all the resuming clients' histories: each client gets its room's posts, once"));

  private static final List<TableRow> NODE_KILL = List.of(
      TableRow.median("from the kill until all its users resumed (s)", "kill_to_all_resumed_s", 1, false,
          "until all resumed", "from the SIGKILL of one node until the last of its users had read its resuming "
              + "join's ack from the other node"),
      TableRow.median("resume time p50 (ms)", "resume_p50_ms", 1, false),
      TableRow.median("resume time p99 (ms)", "resume_p99_ms", 1, false, "resume time",
          "per user of the killed node, from the kill to the read of its resuming join's ack (its history first)"),
      TableRow.median("resume time max (ms)", "resume_max_ms", 1, false),
      TableRow.median("from the kill until the last drop was seen (ms)", "kill_to_last_drop_seen_ms", 1, false,
          "last drop seen", "until the last of the killed node's connections was seen closed by its client"),
      TableRow.median("users on the killed node", "users_on_killed_node", 1, false),
      TableRow.median("users resumed", "resumed_clients", 1, false),
      TableRow.median("messages acked", "messages_acked", 1, false),
      TableRow.median("unacked at the kill", "unacked_at_kill", 1, false, "unacked at the kill",
          "sent to the killed node with no ack back: not lost, resent with the same clientId after the resume"),
      TableRow.median("of them stored before the kill", "resent_already_stored", 1, false, "stored before the kill",
          "resends acked with an id their sender had already seen: the dead node had posted them, the server "
              + "answered the retry with the original id"),
      TableRow.median("deliveries checked", "deliveries_received", 1, false, "deliveries checked",
          "texts the room members read, live or in a resume history; each must be every member's once, in order"),
      TableRow.median("deliveries lost", "deliveries_lost", 1, false),
      TableRow.median("deliveries duplicated", "deliveries_duplicated", 1, false),
      TableRow.median("history messages received", "history_messages_received", 1, false, "history messages",
          "entries of the resuming users' histories: what they missed while away"),
      TableRow.median("latency p99 (ms), live deliveries", "latency_p99_us", 1e-3, false, "latency",
          "from a text's scheduled time to its live read: the outage of the killed node's senders counts"));

  private static final List<TableRow> DATABASE = List.of(
      TableRow.median("MB per 1 M messages", "db_bytes_per_million_messages", 1e-6, false, "MB per 1 M messages",
          "growth of chat.db + chat.db-wal, each measured after a `PRAGMA wal_checkpoint(TRUNCATE)`, over the "
              + "messages posted, scaled to a million (10^6 bytes a MB)"),
      TableRow.median("bytes per message", "db_bytes_per_message", 1, false),
      TableRow.median("chat.db after the checkpoint (MB)", "db_bytes_after_checkpoint", 1e-6, false),
      TableRow.median("chat.db-wal before the checkpoint (MB)", "wal_bytes_after_posting", 1e-6, false,
          "chat.db-wal", "the write-ahead log as the server left it after the last post"),
      TableRow.median("messages stored", "messages_stored", 1, false),
      TableRow.median("messages posted per s", "messages_per_s", 1, false));

  private TableRows() {}

  /** What "runs passed" means for {@code generatorScenario}'s checks. */
  static String passedMeaning(String generatorScenario) {
    return switch (generatorScenario) {
      case "ingest" -> "runs in which every message of every step was acked with an id no other message of its "
          + "room had, and delivered once, in order, in its own room";
      case "reconnect" -> "runs in which every resuming client got `recovered:true`, a history of exactly the ids "
          + "after its `since` (each once, in order, every post a sender had acked among them), no live message "
          + "it had already, and nobody heard \"has joined!\" or \"has left!\"";
      case "dbsize" -> "runs in which every message was acked with an id and delivered once, in order";
      case "nodekill" -> "runs in which every message was acked and reached every member of its room once, in "
          + "order, live or in a resume history; every user of the killed node resumed with `recovered:true`, "
          + "no id came twice or out of order, and nobody heard \"has joined!\" or \"has left!\"";
      default -> "runs without a lost, duplicate, reordered or foreign delivery or another failed check";
    };
  }

  /** The rows for {@code generatorScenario} (a run's "scenario" field), over the runs of table {@code name}. */
  static List<TableRow> of(String generatorScenario, ResultRuns runs, String name) {
    if (generatorScenario.equals("nodekill")) {
      return NODE_KILL;
    }
    if (runs.cluster(name)) {
      return CLUSTER;
    }
    return switch (generatorScenario) {
      case "ingest" -> ingest(runs, name);
      case "reconnect" -> RECONNECT;
      case "dbsize" -> DATABASE;
      default -> MESSAGES;
    };
  }

  /** The summary, then each step of the ramp that any run reached, slowest first. */
  private static List<TableRow> ingest(ResultRuns runs, String name) {
    TreeSet<Long> rates = new TreeSet<>();
    for (ResultRuns.Run run : runs.all(name)) {
      for (String key : run.fields().keySet()) {
        Matcher step = INGEST_STEP.matcher(key);
        if (step.matches()) {
          rates.add(Long.parseLong(step.group(1)));
        }
      }
    }
    List<TableRow> rows = new ArrayList<>(INGEST_SUMMARY);
    for (long rate : rates) {
      String at = "at " + TableNumbers.count(rate) + "/s: ";
      String prefix = "ingest_" + rate + "_";
      rows.add(TableRow.median(at + "persisted per s", prefix + "persisted_per_s", 1, true));
      rows.add(TableRow.median(at + "ack latency p99 (ms)", prefix + "ack_p99_us", 1e-3, true));
      rows.add(TableRow.median(at + "server CPU per message (µs)", prefix + "server_cpu_us_per_message", 1, true));
      rows.add(TableRow.median(at + "kernel share of server CPU", prefix + "server_kernel_share", 1, false));
      rows.add(TableRow.median(at + "server write calls per message", prefix + "server_writes_per_message", 1,
          false, "write calls, bytes written", "the server's write-family system calls and the bytes they passed "
              + "(/proc/PID/io syscw, wchar) over the step, per message sent: its sockets and its database files"));
      rows.add(TableRow.median(at + "server bytes written per message", prefix + "server_write_bytes_per_message",
          1, false));
      rows.add(TableRow.countingTrue(at + "sustained", prefix + "sustained", "sustained",
          "in how many of the runs that reached the step it was sustained"));
      rows.add(TableRow.median(at + "generator CPU share", prefix + "generator_cpu_share", 1, false,
          "generator CPU share", "the generator's CPU over the step as a share of its one core: near 1, the "
              + "generator may be what limits the step"));
    }
    return rows;
  }
}
