package chat.bench.report;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A run's settings in words, for a table's heading: "1,000 clients in 100 rooms, 1 sender per room, …". */
final class RunSettings {
  private RunSettings() {}

  static String describe(ResultRuns.Run run) {
    List<String> parts = new ArrayList<>();
    Double clients = run.number("clients");
    Double rooms = run.number("rooms");
    if (clients != null) {
      parts.add(TableNumbers.count(clients.longValue()) + " clients"
          + (rooms == null ? "" : " in " + TableNumbers.count(rooms.longValue()) + (rooms == 1 ? " room" : " rooms")));
    }
    Double nodes = run.number("nodes");
    if (nodes != null && nodes > 1) {
      parts.add("alternating over " + nodes.longValue() + " server nodes sharing one Redis");
    }
    Double senders = run.number("senders_per_room");
    Double messages = run.number("messages_per_sender");
    if (senders != null && messages != null) {
      parts.add(senders.longValue() + (senders == 1 ? " sender" : " senders") + " per room × "
          + TableNumbers.count(messages.longValue()) + " messages");
    }
    Double warmup = run.number("warmup_messages_per_sender");
    if (warmup != null) {
      parts.add(warmup == 0 ? "no warm-up" : "after " + TableNumbers.count(warmup.longValue()) + " warm-up messages");
    }
    parts.add(pacing(run));
    parts.add(historySettings(run));
    parts.removeIf(String::isEmpty);
    return String.join(", ", parts);
  }

  /** What the protocol v2 scenarios (ingest, reconnect, dbsize, nodekill) did, in words; "" for the others. */
  private static String historySettings(ResultRuns.Run run) {
    Double payload = run.number("payload_bytes");
    String texts = payload == null ? "texts" : payload.longValue() + "-character texts";
    switch (run.generatorScenario()) {
      case "ingest":
        JsonElement rates = run.fields().get("ingest_rates");
        return String.format(Locale.ROOT, "every user sending %s with clientIds, open loop, at %s messages/s in "
            + "all for %s s each until one is not sustained (ack p99 limit %s ms)", texts,
            rates == null ? "?" : rateList(rates.getAsString()),
            whole(run.number("ingest_step_s")), whole(run.number("ack_p99_limit_ms")));
      case "reconnect":
        Double rounds = run.number("warmup_rounds");
        return String.format(Locale.ROOT, "all drop without a close frame while 1 sender per room posts %s "
            + "messages, then all resume at once (since, epoch, token)%s", whole(run.number("messages_while_away")),
            rounds == null || rounds == 0 ? "" : ", after " + rounds.longValue()
            + (rounds == 1 ? " unmeasured round" : " unmeasured rounds"));
      case "dbsize":
        return texts + " with clientIds, into the SQLite store";
      case "nodekill":
        return String.format(Locale.ROOT, "%s with clientIds; node %s killed (SIGKILL) %s s in, its users resume "
            + "on the other (since, epoch, token) and its senders resend what it never acked", texts,
            whole(run.number("kill_node")), whole(run.number("kill_after_s")));
      default:
        return "";
    }
  }

  private static String whole(Double value) {
    return value == null ? "?" : TableNumbers.count(value.longValue());
  }

  /** "[5000, 10000]" as "5,000, 10,000". */
  private static String rateList(String rates) {
    List<String> counts = new ArrayList<>();
    for (String rate : rates.replaceAll("[\\[\\] ]", "").split(",")) {
      counts.add(rate.matches("\\d+") ? TableNumbers.count(Long.parseLong(rate)) : rate);
    }
    return String.join(", ", counts);
  }

  private static String pacing(ResultRuns.Run run) {
    Double rate = run.number("rate_offered_per_s");
    if (rate != null) {
      return String.format(Locale.ROOT, "fixed rate %s messages/s in all (open loop)", TableNumbers.of(rate));
    }
    Double inFlight = run.number("inflight");
    return inFlight == null ? "" : "ack-paced, " + inFlight.longValue() + " in flight per sender";
  }
}
