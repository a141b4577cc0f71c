package chat.desktop.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options: {@code --server URL --name NAME --room ROOM} prefill the join dialog, {@code --join}
 * joins straight away, {@code --ip-location URL} turns on IP-based location lookup through that endpoint,
 * {@code --trust-cert FILE} trusts the certificate in that file besides the JDK's usual authorities.
 */
public record LaunchOptions(String server, String name, String room, boolean joinNow, Optional<URI> ipLocation,
    Optional<Path> trustCert) {

  public static final String USAGE =
      "Usage: chat-desktop [--server URL] [--name NAME] [--room ROOM] [--join] [--ip-location URL]"
          + " [--trust-cert FILE] [--help]\n"
          + "  --server URL       chat server (http(s)://host:port, or a ws(s):// URL); default http://localhost:3000\n"
          + "  --name NAME        display name to prefill\n"
          + "  --room ROOM        room to prefill\n"
          + "  --join             join straight away instead of waiting in the join dialog\n"
          + "  --ip-location URL  IP geolocation endpoint answering JSON with latitude/longitude (off by default)\n"
          + "  --trust-cert FILE  also trust the certificate in FILE (PEM) for https:// and wss://, e.g. a\n"
          + "                     self-signed one; the usual authorities stay trusted, hostnames are checked\n"
          + "  --help             print this and exit";

  /** Options without a certificate to trust. */
  public LaunchOptions(String server, String name, String room, boolean joinNow, Optional<URI> ipLocation) {
    this(server, name, room, joinNow, ipLocation, Optional.empty());
  }

  /**
   * Parses {@code --flag value} and {@code --flag=value}.
   *
   * @throws IllegalArgumentException naming the problem; the caller shows {@link #USAGE}
   */
  public static LaunchOptions parse(List<String> args) {
    String server = null;
    String name = null;
    String room = null;
    boolean join = false;
    URI ipLocation = null;
    Path trustCert = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int equals = arg.indexOf('=');
      String flag = equals > 0 ? arg.substring(0, equals) : arg;
      String inline = equals > 0 ? arg.substring(equals + 1) : null;
      switch (flag) {
        case "--join" -> join = true;
        case "--server" -> server = inline != null ? inline : value(args, ++i, flag);
        case "--name" -> name = inline != null ? inline : value(args, ++i, flag);
        case "--room" -> room = inline != null ? inline : value(args, ++i, flag);
        case "--ip-location" -> ipLocation = uri(inline != null ? inline : value(args, ++i, flag));
        case "--trust-cert" -> trustCert = Path.of(inline != null ? inline : value(args, ++i, flag));
        default -> throw new IllegalArgumentException("Unknown option: " + arg);
      }
    }
    return new LaunchOptions(server, name, room, join, Optional.ofNullable(ipLocation),
        Optional.ofNullable(trustCert));
  }

  private static String value(List<String> args, int index, String flag) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args.get(index);
  }

  private static URI uri(String text) {
    try {
      URI uri = URI.create(text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("--ip-location needs an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--ip-location needs an http(s) URL");
    }
  }
}
