package chat.server;

import java.net.BindException;
import java.util.Locale;

/** Turns a failure to listen on one of the server's ports into the sentence an operator needs. */
final class ListenFailure {
  private ListenFailure() {}

  /** {@code flag} is the option that set the port, so the sentence can say which one to change. */
  static StartupException explain(String flag, String host, int port, Throwable cause) {
    return explain(flag, "--host", host, port, cause);
  }

  /** As above, for a port bound to the address {@code hostFlag} set. */
  static StartupException explain(String flag, String hostFlag, String host, int port, Throwable cause) {
    return new StartupException(sentence(flag, hostFlag, host, port, cause), cause);
  }

  private static String sentence(String flag, String hostFlag, String host, int port, Throwable cause) {
    String reason = String.valueOf(cause.getMessage());
    String lower = reason.toLowerCase(Locale.ROOT);
    if (cause instanceof BindException && lower.contains("in use")) {
      return "Port " + port + " (" + flag + ") is already in use: stop the other server or pick another port"
          + " with " + flag;
    }
    if (cause instanceof BindException && lower.contains("permission denied")) {
      return "Port " + port + " (" + flag + ") needs privileges this user lacks: pick a port above 1023 with "
          + flag;
    }
    if (cause instanceof BindException && lower.contains("assign requested address")) {
      return hostFlag + " " + host + " is not an address of this machine: set " + hostFlag + " to one of its"
          + " addresses, or to " + (hostFlag.equals("--host") ? "0.0.0.0 for all of them" : "127.0.0.1");
    }
    return "Cannot listen on port " + port + " (" + flag + "): " + reason;
  }
}
