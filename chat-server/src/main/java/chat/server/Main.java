package chat.server;

import chat.server.config.ConfigException;
import chat.server.config.ServerConfig;
import chat.server.config.ServerOptions;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the chat server from flags and environment, and stops it cleanly on SIGTERM or Ctrl-C. */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    if (ServerOptions.wantsHelp(args)) {
      System.out.print(ServerOptions.helpText());
      return;
    }
    if (ServerOptions.wantsVersion(args)) {
      System.out.println(ServerVersion.describe());
      return;
    }
    ServerConfig config;
    try {
      config = ServerConfig.parse(args, System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    ChatServer server = ChatServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Shutting down");
      server.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
  }
}
