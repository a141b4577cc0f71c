package chat.desktop.app;

import chat.desktop.net.TrustedCertificates;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import javafx.application.Application;

/**
 * The entry point (also of {@code chat-desktop/run.sh}). It is not the {@link Application} subclass itself so the
 * app also starts from a plain class path; options are checked before any window opens, so a bad one costs no
 * toolkit start and its one-line message is the last thing printed.
 */
public final class Launcher {
  /** The exit status for a bad option, as getopt-style tools use. */
  static final int USAGE_ERROR = 2;

  private Launcher() {}

  public static void main(String[] args) {
    OptionalInt exit = check(Arrays.asList(args), System.out, System.err);
    if (exit.isPresent()) {
      System.exit(exit.getAsInt());
    }
    Application.launch(DesktopApp.class, args);
  }

  /**
   * Handles what needs no window: {@code --help} prints the options, a bad option prints one line naming it.
   *
   * @return the exit status when the app should not start; empty when the options are good
   */
  static OptionalInt check(List<String> args, PrintStream out, PrintStream err) {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(LaunchOptions.USAGE);
      return OptionalInt.of(0);
    }
    try {
      // A certificate file that cannot be used is an option error too, said before any window opens.
      TrustedCertificates.sslContext(LaunchOptions.parse(args).trustCert());
      return OptionalInt.empty();
    } catch (IllegalArgumentException e) {
      err.println("chat-desktop: " + e.getMessage() + " (--help lists the options)");
      return OptionalInt.of(USAGE_ERROR);
    }
  }
}
