package chat.server.http;

import chat.protocol.ProtocolCodec;
import chat.server.room.RoomService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/** The plain-HTTP side of the server (Java-WebSocket cannot serve pages): pages, config, rooms, health. */
public final class HttpFrontend implements AutoCloseable {
  private final PooledHttpServer server;

  /** Threads serving requests; each slow client can hold one until the request timeout frees it. */
  private static final int THREADS = 16;

  public HttpFrontend(InetSocketAddress address, String publicWsUrl, int wsPort, RoomService rooms,
      ProtocolCodec codec, Duration requestTimeout, Health.Check health, ClientLimits limits)
      throws IOException {
    SlowRequestGuard.apply(requestTimeout);
    WsUrlResolver wsUrls = new WsUrlResolver(publicWsUrl, wsPort);
    ResponseWriter responses = new ResponseWriter(new SecurityHeaders(wsUrls));
    ApiHandler api = new ApiHandler(responses, wsUrls, rooms, codec, health, limits);
    server = new PooledHttpServer(address, 64, THREADS, "http", Map.of("/", new StaticFileHandler(responses),
        "/config.json", api, "/api/", api, "/healthz", api));
  }

  public int port() {
    return server.address().getPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
