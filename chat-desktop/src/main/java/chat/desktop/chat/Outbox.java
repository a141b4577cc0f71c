package chat.desktop.chat;

import chat.desktop.net.ChatConnection;
import chat.desktop.ui.UiThread;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Messages written while offline, or whose send the connection lost before its ack: each keeps its {@code
 * clientId}, shows as "sending…" at the bottom of the list, and is sent in order, one at a time, once online.
 * The client id makes a resend post once; a copy the list already shows (live or in a recovered history) takes
 * the outbox row's place. A message the server refuses stays as "Not sent" with the reason, to edit or discard.
 */
public final class Outbox {
  private final ChatConnection connection;
  private final UiThread ui;
  private final Clock clock;
  private final ObservableBooleanValue online;
  private final String me;
  private final Consumer<List<ChatEntry>> view;
  private final List<ChatEntry> waiting = new ArrayList<>();
  private boolean inFlight;

  Outbox(ChatConnection connection, UiThread ui, Clock clock, ObservableBooleanValue online, String me,
      Consumer<List<ChatEntry>> view) {
    this.connection = connection;
    this.ui = ui;
    this.clock = clock;
    this.online = online;
    this.me = me;
    this.view = view;
  }

  /** Queues a message and sends it when it can. */
  void add(String text, String clientId) {
    waiting.add(ChatEntry.outbox(me, text, clientId, clock.millis(), null));
    publish();
    flush();
  }

  /** The list now shows the message with this client id: its outbox copy goes. */
  void shown(String clientId) {
    if (clientId != null && waiting.removeIf(entry -> clientId.equals(entry.clientId()))) {
      publish();
    }
  }

  /** "Discard": drops a refused message. */
  public void discard(ChatEntry entry) {
    if (waiting.remove(entry)) {
      publish();
    }
  }

  /** "Edit": takes a refused message out, for the composer. Returns its text. */
  public String edit(ChatEntry entry) {
    discard(entry);
    return entry.text();
  }

  List<ChatEntry> waiting() {
    return List.copyOf(waiting);
  }

  /** Sends the first message still to send, if online and nothing else is on its way. */
  void flush() {
    if (inFlight || !online.get()) {
      return;
    }
    ChatEntry next = waiting.stream().filter(entry -> entry.problem() == null).findFirst().orElse(null);
    if (next == null) {
      return;
    }
    inFlight = true;
    connection.sendMessage(next.text(), next.clientId())
        .whenCompleteAsync((id, failure) -> sent(next, failure), ui);
  }

  private void sent(ChatEntry entry, Throwable failure) {
    inFlight = false;
    if (failure == null) {
      shown(entry.clientId());
      flush();
      return;
    }
    SendRetry verdict = SendRetry.after(failure);
    if (verdict.unanswered() && !online.get()) {
      return; // flush() runs again when the connection is back
    }
    if (verdict.retry()) {
      long wait = verdict.unanswered() ? SendRetry.UNAVAILABLE_WAIT_MS : verdict.afterMs();
      CompletableFuture.runAsync(this::flush, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS, ui));
      return;
    }
    int at = waiting.indexOf(entry);
    if (at >= 0) {
      waiting.set(at, ChatEntry.outbox(me, entry.text(), entry.clientId(), entry.createdAt(), verdict.reason()));
      publish();
    }
    flush();
  }

  private void publish() {
    view.accept(List.copyOf(waiting));
  }
}
