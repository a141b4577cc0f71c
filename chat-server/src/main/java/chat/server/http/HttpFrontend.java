package chat.server.http;

import chat.protocol.ProtocolCodec;
import chat.server.room.RoomService;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The plain-HTTP side of the server (Java-WebSocket cannot serve pages): pages, config, rooms, health. */
public final class HttpFrontend implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  /** Threads serving requests; each slow client can hold one until the request timeout frees it. */
  private static final int THREADS = 16;

  public HttpFrontend(InetSocketAddress address, String publicWsUrl, int wsPort, RoomService rooms,
      ProtocolCodec codec, Duration requestTimeout, Health.Check health, int maxUsernameLength, int maxRoomLength)
      throws IOException {
    SlowRequestGuard.apply(requestTimeout);
    WsUrlResolver wsUrls = new WsUrlResolver(publicWsUrl, wsPort);
    ResponseWriter responses = new ResponseWriter(new SecurityHeaders(wsUrls));
    ApiHandler api = new ApiHandler(responses, wsUrls, rooms, codec, health, maxUsernameLength, maxRoomLength);
    server = HttpServer.create(address, 64);
    server.createContext("/", new StaticFileHandler(responses));
    server.createContext("/config.json", api);
    server.createContext("/api/", api);
    server.createContext("/healthz", api);
    executor = Executors.newFixedThreadPool(THREADS, runnable -> {
      Thread thread = new Thread(runnable, "http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
