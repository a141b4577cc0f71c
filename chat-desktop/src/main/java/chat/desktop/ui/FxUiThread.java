package chat.desktop.ui;

import javafx.application.Platform;

/** Runs tasks on the JavaFX application thread, in submission order. */
public final class FxUiThread implements UiThread {

  @Override
  public void execute(Runnable task) {
    // Always queue, even on the FX thread, so tasks keep their submission order.
    Platform.runLater(task);
  }
}
