package chat.desktop.chat;

import chat.desktop.net.ChatConnection;
import chat.desktop.net.RequestFailedException;
import chat.desktop.ui.UiThread;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The compose box: one message in flight at a time; the text is cleared only once the server acks it, and on
 * an error it stays so the user can fix it and try again.
 */
public final class Composer {
  /** The server's limit; checked here too so the user hears about it without a round trip. */
  static final int MAX_LENGTH = 2000;

  private final ChatConnection connection;
  private final UiThread ui;
  private final StringProperty error;
  private final StringProperty draft = new SimpleStringProperty("");
  private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(false);
  private final BooleanBinding canSend;

  Composer(ChatConnection connection, UiThread ui, ObservableBooleanValue online, StringProperty error) {
    this.connection = connection;
    this.ui = ui;
    this.error = error;
    this.canSend =
        Bindings.createBooleanBinding(
            () -> online.get() && !sending.get() && !draft.get().isBlank(), online, sending, draft);
  }

  public StringProperty draftProperty() {
    return draft;
  }

  public ReadOnlyBooleanProperty sendingProperty() {
    return sending.getReadOnlyProperty();
  }

  /** True when Send would do something: online, nothing in flight, some text. */
  public BooleanBinding canSendProperty() {
    return canSend;
  }

  public void send() {
    if (!canSend.get()) {
      return;
    }
    String typed = draft.get();
    String text = typed.strip();
    if (text.length() > MAX_LENGTH) {
      error.set("Messages can be at most " + MAX_LENGTH + " characters (this one has " + text.length() + ")");
      return;
    }
    sending.set(true);
    error.set("");
    connection
        .sendMessage(text)
        .whenCompleteAsync(
            (done, failure) -> {
              sending.set(false);
              if (failure != null) {
                error.set(RequestFailedException.reasonOf(failure));
              } else if (typed.equals(draft.get())) {
                draft.set("");
              }
            },
            ui);
  }
}
