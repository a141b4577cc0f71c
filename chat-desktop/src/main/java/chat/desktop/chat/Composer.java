package chat.desktop.chat;

import chat.desktop.ui.UiThread;
import chat.desktop.net.ChatConnection;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The compose box. Online, one message is in flight at a time with its {@code clientId}: the text is cleared
 * once the server acks it, stays with the reason when the server refuses it, and is sent again by itself after
 * the wait the server asks for when it was sent too fast. Offline, or when the connection is lost before the
 * ack, the message goes to the {@link Outbox}, so the composer stays usable without a connection.
 */
public final class Composer {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ChatConnection connection;
  private final UiThread ui;
  private final StringProperty error;
  private final ObservableBooleanValue online;
  private final Outbox outbox;
  private final int maxLength;
  private final Predicate<String> alreadyShown;
  private final StringProperty draft = new SimpleStringProperty("");
  private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(false);
  private final BooleanBinding canSend;

  Composer(ChatConnection connection, UiThread ui, ObservableBooleanValue online, StringProperty error,
      Outbox outbox, int maxLength, Predicate<String> alreadyShown) {
    this.connection = connection;
    this.ui = ui;
    this.error = error;
    this.online = online;
    this.outbox = outbox;
    this.maxLength = maxLength;
    this.alreadyShown = alreadyShown;
    this.canSend = Bindings.createBooleanBinding(() -> !sending.get() && !draft.get().isBlank(), sending, draft);
  }

  public StringProperty draftProperty() {
    return draft;
  }

  public ReadOnlyBooleanProperty sendingProperty() {
    return sending.getReadOnlyProperty();
  }

  /** True when Send would do something: nothing in flight, some text. */
  public BooleanBinding canSendProperty() {
    return canSend;
  }

  public void send() {
    if (!canSend.get()) {
      return;
    }
    String typed = draft.get();
    String text = typed.strip();
    int length = text.codePointCount(0, text.length());
    if (length > maxLength) {
      error.set("Messages can be at most " + maxLength + " characters (this one has " + length + ")");
      return;
    }
    error.set("");
    String clientId = newClientId();
    if (!online.get()) {
      outbox.add(text, clientId);
      draft.set("");
      return;
    }
    sending.set(true);
    attempt(typed, text, clientId);
  }

  private void attempt(String typed, String text, String clientId) {
    connection.sendMessage(text, clientId).whenCompleteAsync((id, failure) -> {
      if (failure == null) {
        finish(typed);
        return;
      }
      SendRetry verdict = SendRetry.after(failure);
      if (verdict.unanswered()) {
        // The send may or may not have been posted: the outbox resends it under the same id, which posts once.
        if (!alreadyShown.test(clientId)) {
          outbox.add(text, clientId);
        }
        finish(typed);
      } else if (verdict.retry()) {
        CompletableFuture.runAsync(() -> attempt(typed, text, clientId),
            CompletableFuture.delayedExecutor(verdict.afterMs(), TimeUnit.MILLISECONDS, ui));
      } else {
        sending.set(false);
        error.set(verdict.reason());
      }
    }, ui);
  }

  private void finish(String typed) {
    sending.set(false);
    if (typed.equals(draft.get())) {
      draft.set("");
    }
  }

  /** Puts a message back into the field, to fix and send again ("Edit" on a refused outbox message). */
  public void restore(String text) {
    draft.set(text);
  }

  private static String newClientId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
