package chat.server.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's HTTP server on a fixed pool of named daemon threads, started with its handlers and stopped with its
 * pool: what the page server and the admin listener share.
 */
final class PooledHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  /** Binds, registers {@code handlers} by path prefix, and starts serving on {@code threads} threads. */
  PooledHttpServer(InetSocketAddress address, int backlog, int threads, String threadName,
      Map<String, HttpHandler> handlers) throws IOException {
    server = HttpServer.create(address, backlog);
    handlers.forEach(server::createContext);
    executor = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.start();
  }

  InetSocketAddress address() {
    return server.getAddress();
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
