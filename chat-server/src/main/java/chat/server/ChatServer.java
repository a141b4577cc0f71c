package chat.server;

import chat.protocol.ProtocolCodec;
import chat.server.config.ServerConfig;
import chat.server.http.Health;
import chat.server.http.HttpFrontend;
import chat.server.room.InMemoryPresence;
import chat.server.room.InMemoryRoomLog;
import chat.server.room.LocalRoomBus;
import chat.server.room.RoomService;
import chat.server.transport.ChatWebSocketServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole server: the WebSocket chat and the HTTP pages beside it. Start it, use it, close it. */
public final class ChatServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChatServer.class);
  private static final int WS_START_SECONDS = 10;

  private final ChatWebSocketServer webSocket;
  private final HttpFrontend http;
  private final ScheduledExecutorService scheduler;
  private final RoomService rooms;

  private ChatServer(ChatWebSocketServer webSocket, HttpFrontend http, ScheduledExecutorService scheduler,
      RoomService rooms) {
    this.webSocket = webSocket;
    this.http = http;
    this.scheduler = scheduler;
    this.rooms = rooms;
  }

  /**
   * Binds both ports and returns once the server accepts connections.
   *
   * @throws StartupException if the host cannot be resolved or a port cannot be bound
   */
  public static ChatServer start(ServerConfig config) {
    requireResolvable(config.host());
    ProtocolCodec codec = new ProtocolCodec();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "chat-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    RoomService rooms = rooms(config, scheduler);
    ChatWebSocketServer webSocket = new ChatWebSocketServer(config, codec, rooms, scheduler);
    startWebSocket(webSocket, scheduler, config);
    try {
      HttpFrontend http = new HttpFrontend(new InetSocketAddress(config.host(), config.httpPort()),
          config.publicWsUrl(), webSocket.getPort(), rooms, codec, config.httpRequestTimeout(),
          healthOf(webSocket, rooms, System.nanoTime()), config.maxUsernameLength(), config.maxRoomLength());
      webSocket.pagePort(http.port());
      ChatServer server = new ChatServer(webSocket, http, scheduler, rooms);
      log.info("Chat server up: pages on http://localhost:{}/ , WebSocket on ws://localhost:{}",
          server.httpPort(), server.wsPort());
      return server;
    } catch (IOException e) {
      stop(webSocket, scheduler);
      throw ListenFailure.explain("--port", config.host(), config.httpPort(), e);
    }
  }

  /** Checked before anything binds; otherwise the first port to bind would take the blame. */
  private static void requireResolvable(String host) {
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      String reason = String.valueOf(e.getMessage()).replace(host + ": ", "");
      throw new StartupException("Cannot resolve --host " + host + ": " + reason + "; set --host to a name"
          + " this machine can look up, or to an address such as 0.0.0.0", e);
    }
  }

  private static Health.Check healthOf(ChatWebSocketServer webSocket, RoomService rooms, long startNanos) {
    return () -> new Health(Health.OK, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos),
        webSocket.getConnections().size(), rooms.activeRooms().rooms().size(), webSocket.writeRescues(),
        webSocket.unexpectedErrors());
  }

  /** The chat's domain, all in this process's memory: history, delivery and who is where. */
  private static RoomService rooms(ServerConfig config, ScheduledExecutorService scheduler) {
    return new RoomService(config, Clock.systemUTC(), new InMemoryRoomLog(), new LocalRoomBus(),
        new InMemoryPresence(), scheduler);
  }

  private static void startWebSocket(ChatWebSocketServer webSocket, ScheduledExecutorService scheduler,
      ServerConfig config) {
    webSocket.start();
    try {
      webSocket.started().get(WS_START_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      stop(webSocket, scheduler);
      throw ListenFailure.explain("--ws-port", config.host(), config.wsPort(), e.getCause());
    } catch (TimeoutException e) {
      stop(webSocket, scheduler);
      throw new StartupException("The WebSocket server did not start on port " + config.wsPort()
          + " (--ws-port) within " + WS_START_SECONDS + " seconds", e);
    } catch (InterruptedException e) {
      stop(webSocket, scheduler);
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

  /** Closes every connection with 1001 (going away) and stops both servers. */
  @Override
  public void close() {
    webSocket.shutDown();
    http.close();
    scheduler.shutdownNow();
  }

  private static void stop(ChatWebSocketServer webSocket, ScheduledExecutorService scheduler) {
    stopQuietly(webSocket);
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
