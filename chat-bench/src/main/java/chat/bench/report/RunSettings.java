package chat.bench.report;

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
    parts.removeIf(String::isEmpty);
    return String.join(", ", parts);
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
