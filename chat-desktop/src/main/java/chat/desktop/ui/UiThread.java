package chat.desktop.ui;

import java.util.concurrent.Executor;

/**
 * The one way work gets onto the UI thread. View-models receive it instead of calling JavaFX directly, so
 * plain tests pass a direct executor and the app passes {@link FxUiThread}.
 */
public interface UiThread extends Executor {

  /** Runs tasks on the calling thread: for tests, where the test thread plays the UI thread. */
  static UiThread direct() {
    return Runnable::run;
  }
}
