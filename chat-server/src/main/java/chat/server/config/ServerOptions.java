package chat.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The server's flags, each with an UPPER_SNAKE environment twin and a default. A flag beats its environment
 * variable, which beats the default. Unknown flags and unreadable values are refused with a clear message.
 */
public final class ServerOptions {

  /**
   * One option: {@code --name value} on the command line, {@code NAME} in the environment. {@code shownDefault}
   * is what {@code --help} says the default is, for options whose default is worked out from others.
   */
  record Option(String flag, String defaultValue, String help, String shownDefault, String envName) {
    Option(String flag, String defaultValue, String help, String shownDefault) {
      this(flag, defaultValue, help, shownDefault, flag.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    Option(String flag, String defaultValue, String help) {
      this(flag, defaultValue, help, defaultValue.isEmpty() ? "(none)" : defaultValue);
    }

    String env() {
      return envName;
    }
  }

  /** The admin listener's port unless told otherwise: the one commonly used for a Prometheus exporter. */
  static final int DEFAULT_ADMIN_PORT = 9464;

  static final List<Option> OPTIONS = List.of(
      new Option("host", "0.0.0.0", "address both ports bind to"),
      new Option("port", "3000", "HTTP port for the browser pages (0 = any free port)"),
      new Option("ws-port", "", "WebSocket port (0 = any free port)", "port + 1, or 0 when port is 0"),
      new Option("public-ws-url", "", "WebSocket URL given to browsers, e.g. wss://chat.example/ws"
          + " behind a reverse proxy", "ws://<host of the request>:<ws-port>"),
      new Option("max-username-length", "32", "longest username, in characters"),
      new Option("max-room-length", "64", "longest room name, in characters"),
      new Option("max-message-length", "2000", "longest message text, in characters"),
      new Option("max-message-bytes", "65536", "largest WebSocket message in bytes, fragments included;"
          + " a larger one closes the connection with 1009"),
      new Option("rate-limit", "10", "messages per second per connection; faster ones get an ack error"
          + " with a retry-after, and 100 refused within 10 s close the connection with 1008 (0 = no limit)"),
      new Option("rate-burst", "20", "messages a connection may send at once before the rate applies"),
      new Option("max-buffered-bytes", "1048576", "bytes waiting to be sent to one connection before it"
          + " is dropped as too slow"),
      new Option("max-connections", "20000", "open WebSocket connections in total; more are refused at"
          + " the handshake"),
      new Option("max-connections-per-address", "0", "open connections per client address (0 = no cap;"
          + " clients behind one reverse proxy share an address, unless it is trusted)"),
      new Option("trusted-proxies", "", "comma-separated addresses or CIDR blocks (e.g. 127.0.0.1,10.0.0.0/8)"
          + " of reverse proxies whose X-Forwarded-For header names the client: logs and"
          + " --max-connections-per-address then see the client's address, not the proxy's"
          + " (from anybody else the header is ignored)"),
      new Option("join-timeout", "30", "seconds a connection may stay without upgrading and joining a room"),
      new Option("connection-lost-timeout", "20", "seconds between pings; a peer that stops answering is"
          + " dropped 1 to 2 times this later"),
      new Option("allowed-origins", "", "comma-separated extra origins (e.g. https://chat.example) whose"
          + " pages may open WebSockets; same-origin pages and clients without Origin always may"),
      new Option("room-data-delay", "25", "milliseconds (plus 0.03 per member) a room must be still before its"
          + " members get the new user list; a room that keeps changing gets one at least every further 1 ms"
          + " per member (0 = send every update at once)"),
      new Option("fanout-flush-delay", "10", "milliseconds a room message may wait, on a server busy writing or"
          + " for a connection written to within the last millisecond, so that several reach it in one write (0 ="
          + " write each at once; replies never wait)"),
      new Option("http-request-timeout", "10", "seconds an HTTP request may take to arrive, and its response"
          + " to be sent, before the connection is cut (against slow clients holding the page server)"),
      new Option("store", "sqlite", "where room history is kept: sqlite (a file in --data-dir, kept across"
          + " restarts) or memory (gone when the server stops)"),
      new Option("data-dir", "./data", "directory of the SQLite history (created if missing; one server at a"
          + " time; back it up with sqlite3 chat.db \".backup copy.db\")"),
      new Option("fsync", "periodic", "when SQLite commits reach the disk: periodic (flushed about every half"
          + " second; a killed server loses nothing acked, a power cut can lose the last moments) or always"
          + " (each commit flushed before its ack; survives power cuts, slower)"),
      new Option("history-limit", "10000", "messages kept per room; older ones are deleted in the background"),
      new Option("history-max-age", "30d", "how long a message is kept (a number and ms, s, m, h or d)"),
      new Option("history-on-join", "50", "messages a newcomer is shown when it joins"),
      new Option("max-recovery", "1000", "most missed messages a reconnecting client is sent; a longer gap"
          + " gets the latest page and is marked as not recovered"),
      new Option("dedup-window", "24h", "how long a repeated send (same clientId) is recognised and not"
          + " posted twice"),
      new Option("reconnect-grace", "30s", "how long the seat of a connection that dropped without closing"
          + " is held, so its user can come back without leaving (0 = leave at once)"),
      new Option("admin-host", "127.0.0.1", "address the admin listener binds to; keep it private: it"
          + " serves the metrics"),
      new Option("admin-port", "", "port of the admin listener, which serves GET /metrics in the Prometheus"
          + " text format (0 = no admin listener)", DEFAULT_ADMIN_PORT + ", or 0 when port is 0"),
      new Option("redis", "", "cluster mode: share rooms, history and names with every server on this Redis,"
          + " redis://host:port[/db] (history then lives in Redis, not in --data-dir)", "(none: one server)",
          "REDIS_URL"),
      new Option("redis-prefix", "chat:", "put before every Redis key and channel, so that several deployments"
          + " can share one Redis"),
      new Option("node-id", "", "this server's name in the cluster, unique among the nodes", "random, logged"));

  private final Map<String, String> values;

  private ServerOptions(Map<String, String> values) {
    this.values = values;
  }

  static ServerConfig parse(String[] args, Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    for (Option option : OPTIONS) {
      values.put(option.flag(), env.getOrDefault(option.env(), option.defaultValue()).trim());
    }
    values.putAll(flags(args));
    return new ServerOptions(values).toConfig();
  }

  /** True when the arguments ask for help rather than a server. */
  public static boolean wantsHelp(String[] args) {
    return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
  }

  /** True when the arguments ask for the version rather than a server. */
  public static boolean wantsVersion(String[] args) {
    return Arrays.asList(args).contains("--version");
  }

  /** The text printed by {@code --help}. */
  public static String helpText() {
    return HelpText.of(OPTIONS);
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new ConfigException("Unexpected argument '" + arg + "' (see --help)");
      }
      String name = arg.substring(2);
      String value = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      requireKnown(name);
      if (value == null) {
        if (i + 1 == args.length) {
          throw new ConfigException("Option --" + name + " needs a value");
        }
        value = args[++i];
      }
      flags.put(name, value.trim());
    }
    return flags;
  }

  /** Checked before looking for a value, so that a mistyped last flag is not reported as lacking one. */
  private static void requireKnown(String name) {
    if (OPTIONS.stream().noneMatch(o -> o.flag().equals(name))) {
      throw new ConfigException("Unknown option --" + name + " (see --help)");
    }
  }

  private ServerConfig toConfig() {
    int httpPort = port("port");
    int wsPort = values.get("ws-port").isEmpty() ? defaultWsPort(httpPort) : port("ws-port");
    if (wsPort == httpPort && wsPort != 0) {
      throw new ConfigException("--port and --ws-port are both " + wsPort
          + ": the pages and the WebSocket need a port each, so change one of them");
    }
    int adminPort = adminPort(httpPort, wsPort);
    return new ServerConfig(
        values.get("host"), httpPort, wsPort, emptyToNull(values.get("public-ws-url")),
        positive("max-username-length"), positive("max-room-length"), positive("max-message-length"),
        positive("max-message-bytes"), rate("rate-limit"), positive("rate-burst"),
        positiveLong("max-buffered-bytes"), positive("max-connections"),
        atLeastZero("max-connections-per-address"), TrustedProxies.parse(values.get("trusted-proxies")),
        seconds("join-timeout"),
        seconds("connection-lost-timeout"), origins(values.get("allowed-origins")),
        Duration.ofMillis(atLeastZero("room-data-delay")), seconds("http-request-timeout"),
        Duration.ofMillis(atLeastZero("fanout-flush-delay")), store("store"), dataDir("data-dir"),
        fsync("fsync"),
        positive("history-limit"), positiveDuration("history-max-age"), positive("history-on-join"),
        positive("max-recovery"), positiveDuration("dedup-window"), duration("reconnect-grace"),
        nonEmpty("admin-host"), adminPort == 0 ? OptionalInt.empty() : OptionalInt.of(adminPort), cluster());
  }

  /**
   * 0 for none. A server on a free port (--port 0: tests, embedding) gets no admin listener unless asked: a
   * fixed default would collide between such servers.
   */
  private int adminPort(int httpPort, int wsPort) {
    int adminPort = values.get("admin-port").isEmpty()
        ? (httpPort == 0 ? 0 : DEFAULT_ADMIN_PORT) : port("admin-port");
    requireOwnPort(adminPort, httpPort, "--port");
    requireOwnPort(adminPort, wsPort, "--ws-port");
    return adminPort;
  }

  /** The metrics must not share a port with the public listeners. */
  private static void requireOwnPort(int adminPort, int port, String flag) {
    if (adminPort == port && port != 0) {
      throw new ConfigException("--admin-port and " + flag + " are both " + port
          + ": the metrics need a port of their own, so change one of them (or turn them off with"
          + " --admin-port 0)");
    }
  }

  private ClusterSettings cluster() {
    String nodeId = values.get("node-id");
    if (nodeId.isEmpty()) {
      nodeId = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    } else if (!nodeId.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw invalid("node-id", "1 to 64 letters, digits, '.', '_' or '-'");
    }
    String prefix = values.get("redis-prefix");
    String redis = values.get("redis");
    if (redis.isEmpty()) {
      return new ClusterSettings(null, prefix, nodeId);
    }
    return new ClusterSettings(redisUri(redis), prefix, nodeId);
  }

  private URI redisUri(String text) {
    try {
      URI uri = new URI(text);
      String path = uri.getPath() == null ? "" : uri.getPath();
      if ("redis".equals(uri.getScheme()) && uri.getHost() != null && path.matches("(/\\d+)?/?")) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below with the expected form
    }
    throw invalid("redis", "a Redis URL such as redis://127.0.0.1:6379 or redis://redis.internal:6379/2");
  }

  private static int defaultWsPort(int httpPort) {
    if (httpPort == 65_535) {
      throw new ConfigException("--port 65535 leaves no port above it for the WebSocket: set --ws-port");
    }
    return httpPort == 0 ? 0 : httpPort + 1;
  }

  private int port(String flag) {
    int port = integer(flag);
    if (port < 0 || port > 65_535) {
      throw invalid(flag, "a port from 0 to 65535");
    }
    return port;
  }

  private int positive(String flag) {
    int value = integer(flag);
    if (value < 1) {
      throw invalid(flag, "a whole number of at least 1");
    }
    return value;
  }

  private int atLeastZero(String flag) {
    int value = integer(flag);
    if (value < 0) {
      throw invalid(flag, "a whole number of at least 0");
    }
    return value;
  }

  private long positiveLong(String flag) {
    try {
      long value = Long.parseLong(values.get(flag));
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected form
    }
    throw invalid(flag, "a whole number of at least 1");
  }

  private double rate(String flag) {
    try {
      double value = Double.parseDouble(values.get(flag));
      if (value >= 0 && Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected form
    }
    throw invalid(flag, "a number of at least 0");
  }

  private Duration seconds(String flag) {
    return Duration.ofSeconds(positive(flag));
  }

  private Duration duration(String flag) {
    Duration value = DurationValue.parse(values.get(flag));
    if (value == null) {
      throw invalid(flag, "a duration such as 500ms, 30s, 15m, 24h or 30d");
    }
    return value;
  }

  private Duration positiveDuration(String flag) {
    Duration value = duration(flag);
    if (value.isZero()) {
      throw invalid(flag, "a duration longer than zero, such as 30s, 24h or 30d");
    }
    return value;
  }

  private StoreKind store(String flag) {
    return switch (values.get(flag).toLowerCase(Locale.ROOT)) {
      case "sqlite" -> StoreKind.SQLITE;
      case "memory" -> StoreKind.MEMORY;
      default -> throw invalid(flag, "sqlite or memory");
    };
  }

  private FsyncPolicy fsync(String flag) {
    return switch (values.get(flag).toLowerCase(Locale.ROOT)) {
      case "always" -> FsyncPolicy.ALWAYS;
      case "periodic" -> FsyncPolicy.PERIODIC;
      default -> throw invalid(flag, "periodic or always");
    };
  }

  private Path dataDir(String flag) {
    String text = values.get(flag);
    if (text.isEmpty()) {
      throw invalid(flag, "a directory");
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw invalid(flag, "a directory path");
    }
  }

  private String nonEmpty(String flag) {
    String text = values.get(flag);
    if (text.isEmpty()) {
      throw invalid(flag, "an address, such as 127.0.0.1");
    }
    return text;
  }

  private int integer(String flag) {
    try {
      return Integer.parseInt(values.get(flag));
    } catch (NumberFormatException e) {
      throw invalid(flag, "a whole number");
    }
  }

  private ConfigException invalid(String flag, String expected) {
    return new ConfigException(
        "--" + flag + " must be " + expected + ", not '" + values.get(flag) + "'");
  }

  private static List<String> origins(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
