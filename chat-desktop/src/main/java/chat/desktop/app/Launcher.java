package chat.desktop.app;

import chat.desktop.net.TrustedCertificates;
import java.util.Arrays;
import java.util.List;
import javafx.application.Application;

/**
 * The entry point. It is not the {@link Application} subclass itself so the app also starts from a plain
 * class path; options are checked before any window opens.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    List<String> list = Arrays.asList(args);
    if (list.contains("--help") || list.contains("-h")) {
      System.out.println(LaunchOptions.USAGE);
      return;
    }
    try {
      // A certificate file that cannot be used is an option error, said before any window opens.
      TrustedCertificates.sslContext(LaunchOptions.parse(list).trustCert());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(LaunchOptions.USAGE);
      System.exit(2);
    }
    Application.launch(DesktopApp.class, args);
  }
}
