package chat.server;

import chat.server.config.ConfigException;
import chat.server.config.ServerConfig;
import chat.server.config.ServerOptions;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the chat server from flags and environment, and stops it cleanly on SIGTERM or Ctrl-C. Exit codes:
 * 0 for help and version, 2 for an unusable flag or variable, 1 for a server that could not start.
 */
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
    ChatServer server = start(configFrom(args));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Shutting down");
      server.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
  }

  private static ServerConfig configFrom(String[] args) {
    try {
      return ServerConfig.parse(args, System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      throw e; // not reached: exit does not return
    }
  }

  /** A server that cannot start says why in one sentence (the stack trace would only hide it) and exits 1. */
  private static ChatServer start(ServerConfig config) {
    try {
      return ChatServer.start(config);
    } catch (StartupException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      throw e; // not reached: exit does not return
    }
  }
}
