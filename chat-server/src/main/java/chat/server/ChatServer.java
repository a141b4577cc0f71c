package chat.server;

import chat.protocol.ClientMessage;
import chat.protocol.ProtocolCodec;
import chat.server.cluster.ClusterException;
import chat.server.cluster.ClusterNode;
import chat.server.config.ServerConfig;
import chat.server.http.AdminListener;
import chat.server.http.ClientLimits;
import chat.server.http.Health;
import chat.server.http.HttpFrontend;
import chat.server.metrics.ServerMetrics;
import chat.server.room.LocalRoomBus;
import chat.server.room.RoomService;
import chat.server.room.Unavailable;
import chat.server.store.HistoryStorage;
import chat.server.store.HistoryStore;
import chat.server.store.StoreException;
import chat.server.transport.ChatWebSocketServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server: the WebSocket chat, the HTTP pages beside it, and the admin listener with its metrics. Start
 * it, use it, close it.
 */
public final class ChatServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChatServer.class);
  private static final int WS_START_SECONDS = 10;

  private final ChatWebSocketServer webSocket;
  private final HttpFrontend http;
  private final ScheduledExecutorService scheduler;
  private final RoomService rooms;
  private final RoomBacking history;
  /** Null with {@code --admin-port 0}. */
  private final AdminListener admin;

  private ChatServer(ChatWebSocketServer webSocket, HttpFrontend http, ScheduledExecutorService scheduler,
      RoomService rooms, RoomBacking history, AdminListener admin) {
    this.webSocket = webSocket;
    this.http = http;
    this.scheduler = scheduler;
    this.rooms = rooms;
    this.history = history;
    this.admin = admin;
  }

  /**
   * Binds its ports (pages, WebSocket, admin) and returns once the server accepts connections.
   *
   * @throws StartupException if a host cannot be resolved, the store cannot be opened or a port cannot be
   *     bound
   */
  public static ChatServer start(ServerConfig config) {
    requireResolvable(config);
    ServerMetrics metrics = metricsFor(config);
    OutcomeRelay outcomes = new OutcomeRelay();
    LocalRoomBus bus = new LocalRoomBus(metrics.rooms());
    RoomBacking backing = config.cluster().enabled() ? openCluster(config, outcomes, bus)
        : RoomBacking.single(openHistory(config, outcomes, metrics));
    return start(config, backing, bus, outcomes, metrics);
  }

  /**
   * As {@link #start(ServerConfig)}, over a history store the caller opened (embedding, and tests with a store
   * that fails on purpose); the server owns it from here and closes it.
   */
  public static ChatServer start(ServerConfig config, HistoryStore store) {
    requireResolvable(config);
    ServerMetrics metrics = metricsFor(config);
    OutcomeRelay outcomes = new OutcomeRelay();
    try {
      return start(config, RoomBacking.single(HistoryStorage.over(store, true, config, Clock.systemUTC(), outcomes,
          metrics.store())), new LocalRoomBus(metrics.rooms()), outcomes, metrics);
    } catch (StoreException e) {
      throw new StartupException(e.getMessage(), e);
    }
  }

  private static ServerMetrics metricsFor(ServerConfig config) {
    return new ServerMetrics(ServerVersion.number(), config.cluster().enabled() ? "redis"
        : config.store().name().toLowerCase(Locale.ROOT));
  }

  private static RoomBacking openCluster(ServerConfig config, OutcomeRelay outcomes, LocalRoomBus bus) {
    try {
      return RoomBacking.cluster(ClusterNode.open(config, new ProtocolCodec(), outcomes, bus));
    } catch (ClusterException e) {
      throw new StartupException(e.getMessage(), e);
    }
  }

  private static ChatServer start(ServerConfig config, RoomBacking history, LocalRoomBus bus,
      OutcomeRelay outcomes, ServerMetrics metrics) {
    ProtocolCodec codec = new ProtocolCodec();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "chat-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    RoomService rooms = new RoomService(config, Clock.systemUTC(), history.log(), bus, history.presence(),
        scheduler, metrics.rooms(), history.waiting());
    metrics.gauge("chat_rooms_active", "Rooms with somebody in them (or a seat held)", () -> activeRooms(rooms));
    ChatWebSocketServer webSocket = new ChatWebSocketServer(config, codec, rooms, scheduler, metrics);
    outcomes.bind(webSocket);
    history.bind().accept(rooms, webSocket::restartConnections);
    startWebSocket(webSocket, scheduler, history, config);
    HttpFrontend http = startHttp(config, codec, webSocket, rooms, history, scheduler);
    AdminListener admin = startAdmin(config, metrics, () -> {
      http.close();
      stop(webSocket, scheduler, history);
    });
    ChatServer server = new ChatServer(webSocket, http, scheduler, rooms, history, admin);
    log.info("Chat server up: pages on http://localhost:{}/ , WebSocket on ws://localhost:{}, history in {}, {}",
        server.httpPort(), server.wsPort(), history.describe(), admin == null ? "no admin listener"
            : "metrics on http://" + config.adminHost() + ":" + admin.address().getPort() + "/metrics");
    return server;
  }

  private static HttpFrontend startHttp(ServerConfig config, ProtocolCodec codec, ChatWebSocketServer webSocket,
      RoomService rooms, RoomBacking history, ScheduledExecutorService scheduler) {
    try {
      HttpFrontend http = new HttpFrontend(new InetSocketAddress(config.host(), config.httpPort()),
          config.publicWsUrl(), webSocket.getPort(), rooms, codec, config.httpRequestTimeout(),
          healthOf(webSocket, rooms, history, System.nanoTime()),
          ClientLimits.of(config, ClientMessage.LoadHistory.MAX_LIMIT));
      webSocket.pagePort(http.port());
      return http;
    } catch (IOException e) {
      stop(webSocket, scheduler, history);
      throw ListenFailure.explain("--port", config.host(), config.httpPort(), e);
    }
  }

  /** Null when the configuration has none; {@code stopRest} undoes the rest of the start when it cannot bind. */
  private static AdminListener startAdmin(ServerConfig config, ServerMetrics metrics, Runnable stopRest) {
    OptionalInt port = config.adminPort();
    if (port.isEmpty()) {
      return null;
    }
    try {
      return new AdminListener(new InetSocketAddress(config.adminHost(), port.getAsInt()), metrics,
          config.httpRequestTimeout());
    } catch (IOException e) {
      stopRest.run();
      throw ListenFailure.explain("--admin-port", "--admin-host", config.adminHost(), port.getAsInt(), e);
    }
  }

  private static HistoryStorage openHistory(ServerConfig config, OutcomeRelay outcomes, ServerMetrics metrics) {
    try {
      return HistoryStorage.open(config, Clock.systemUTC(), outcomes, metrics.store());
    } catch (StoreException e) {
      throw new StartupException(e.getMessage(), e);
    }
  }

  /** Checked before anything binds; otherwise the first port to bind would take the blame. */
  private static void requireResolvable(ServerConfig config) {
    requireResolvable("--host", config.host());
    if (config.adminPort().isPresent()) {
      requireResolvable("--admin-host", config.adminHost());
    }
  }

  private static void requireResolvable(String flag, String host) {
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      String reason = String.valueOf(e.getMessage()).replace(host + ": ", "");
      throw new StartupException("Cannot resolve " + flag + " " + host + ": " + reason + "; set " + flag
          + " to a name this machine can look up, or to an address such as "
          + (flag.equals("--host") ? "0.0.0.0" : "127.0.0.1"), e);
    }
  }

  private static Health.Check healthOf(ChatWebSocketServer webSocket, RoomService rooms, RoomBacking history,
      long startNanos) {
    return () -> {
      String problem = history.problem().get();
      return new Health(problem == null ? Health.OK : Health.DEGRADED,
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), webSocket.getConnections().size(),
          activeRooms(rooms), webSocket.writeRescues(), webSocket.unexpectedErrors(),
          history.describe(), problem);
    };
  }

  /** -1 when the rooms cannot be counted (cluster mode, Redis away): /healthz must answer all the same. */
  private static int activeRooms(RoomService rooms) {
    try {
      return rooms.activeRooms().rooms().size();
    } catch (Unavailable e) {
      return -1;
    }
  }

  private static void startWebSocket(ChatWebSocketServer webSocket, ScheduledExecutorService scheduler,
      RoomBacking history, ServerConfig config) {
    webSocket.start();
    try {
      webSocket.started().get(WS_START_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      stop(webSocket, scheduler, history);
      throw ListenFailure.explain("--ws-port", config.host(), config.wsPort(), e.getCause());
    } catch (TimeoutException e) {
      stop(webSocket, scheduler, history);
      throw new StartupException("The WebSocket server did not start on port " + config.wsPort()
          + " (--ws-port) within " + WS_START_SECONDS + " seconds", e);
    } catch (InterruptedException e) {
      stop(webSocket, scheduler, history);
      Thread.currentThread().interrupt();
      throw new StartupException("Interrupted while starting the WebSocket server", e);
    }
  }

  public int httpPort() {
    return http.port();
  }

  public int wsPort() {
    return webSocket.getPort();
  }

  public URI httpUri() {
    return URI.create("http://localhost:" + httpPort() + "/");
  }

  public URI wsUri() {
    return URI.create("ws://localhost:" + wsPort());
  }

  /** Where the admin listener ({@code /metrics}) is bound, or empty when it is off. */
  public Optional<InetSocketAddress> adminAddress() {
    return admin == null ? Optional.empty() : Optional.of(admin.address());
  }

  /** The room logic, for tests and health checks that look at who is where. */
  public RoomService rooms() {
    return rooms;
  }

  /** Writes the stall guard had to restart; zero in a healthy server (see {@code /healthz}). */
  public long writeRescues() {
    return webSocket.writeRescues();
  }

  /** Failures no client input should cause (bugs); zero in a healthy server. */
  public long unexpectedErrors() {
    return webSocket.unexpectedErrors();
  }

  /**
   * Closes every connection with 1001 (going away), keeping their seats for the reconnect grace of the next
   * start, stops both servers, and returns once every pending message is stored.
   */
  @Override
  public void close() {
    webSocket.shutDown();
    http.close();
    if (admin != null) {
      admin.close();
    }
    history.close();
    scheduler.shutdownNow();
  }

  private static void stop(ChatWebSocketServer webSocket, ScheduledExecutorService scheduler,
      RoomBacking history) {
    stopQuietly(webSocket);
    history.close();
    scheduler.shutdownNow();
  }

  private static void stopQuietly(ChatWebSocketServer webSocket) {
    try {
      webSocket.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
