package chat.desktop.app;

import chat.desktop.net.TrustedCertificates;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: builds the real services and opens the main window. */
public final class DesktopApp extends Application {
  private MainWindow window;

  @Override
  public void start(Stage stage) {
    LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
    AppContext context =
        AppContext.standard(
            Preferences.userRoot().node("chat-desktop"), getHostServices()::showDocument, options.ipLocation(),
            TrustedCertificates.sslContext(options.trustCert()));
    window = new MainWindow(stage, context);
    window.start(options);
  }

  @Override
  public void stop() {
    if (window != null) {
      window.shutDown();
    }
  }
}
