package chat.server.store;

import java.util.concurrent.ThreadFactory;

/** Threads of the history's background work: named for thread dumps, daemons so they never hold the JVM up. */
final class DaemonThreads {
  private DaemonThreads() {}

  static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
