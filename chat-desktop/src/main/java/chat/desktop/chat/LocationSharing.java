package chat.desktop.chat;

import chat.desktop.location.GeoPosition;
import chat.desktop.location.LocationPrompt;
import chat.desktop.location.LocationProvider;
import chat.desktop.location.SavedLocation;
import chat.desktop.net.ChatConnection;
import chat.desktop.net.RequestFailedException;
import chat.desktop.ui.UiThread;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * "Share location": asks the provider chain, and when no provider knows the position asks the user (and
 * remembers the answer). A position is never invented; cancelling shares nothing.
 */
public final class LocationSharing {
  private final ChatConnection connection;
  private final UiThread ui;
  private final LocationProvider providers;
  private final SavedLocation saved;
  private final LocationPrompt prompt;
  private final ObservableBooleanValue online;
  private final StringProperty error;
  private final ReadOnlyBooleanWrapper sharing = new ReadOnlyBooleanWrapper(false);

  LocationSharing(ChatConnection connection, UiThread ui, LocationServices location, ObservableBooleanValue online,
      StringProperty error) {
    this.connection = connection;
    this.ui = ui;
    this.providers = location.providers();
    this.saved = location.saved();
    this.prompt = location.prompt();
    this.online = online;
    this.error = error;
  }

  public ReadOnlyBooleanProperty sharingProperty() {
    return sharing.getReadOnlyProperty();
  }

  public void share() {
    if (sharing.get() || !online.get()) {
      return;
    }
    sharing.set(true);
    error.set("");
    providers
        .locate()
        .exceptionally(failure -> Optional.empty())
        .thenComposeAsync(found -> found.isPresent() ? CompletableFuture.completedFuture(found) : askAndSave(), ui)
        .thenCompose(this::send)
        .whenCompleteAsync(this::finish, ui);
  }

  /** Lets the user set or correct the remembered position without sharing it. */
  public void changePosition() {
    prompt.ask(saved.current()).thenAccept(position -> position.ifPresent(saved::save));
  }

  private CompletableFuture<Optional<GeoPosition>> askAndSave() {
    return prompt
        .ask(Optional.empty())
        .thenApply(
            position -> {
              position.ifPresent(saved::save);
              return position;
            });
  }

  private CompletableFuture<Boolean> send(Optional<GeoPosition> position) {
    if (position.isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    return connection.sendLocation(position.get().latitude(), position.get().longitude()).thenApply(done -> true);
  }

  private void finish(Boolean sent, Throwable failure) {
    sharing.set(false);
    if (failure != null) {
      error.set(RequestFailedException.reasonOf(failure));
    } else if (!sent) {
      error.set("Location not shared: no position set");
    }
  }
}
