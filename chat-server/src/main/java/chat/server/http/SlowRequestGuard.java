package chat.server.http;

import java.time.Duration;

/**
 * Bounds how long one HTTP request may take to arrive and its response to leave. The JDK server reads a request
 * on a pool thread, blocking: without a bound, a handful of clients sending their headers byte by byte (slowloris)
 * hold every thread and the pages and {@code /healthz} stop answering. The JDK's only knobs are JVM-wide system
 * properties read when its first server starts, so the first server's setting holds for the process, and an
 * operator's own {@code -Dsun.net.httpserver.maxReqTime} wins.
 */
final class SlowRequestGuard {
  static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";
  static final String MAX_RESPONSE_TIME = "sun.net.httpserver.maxRspTime";

  private SlowRequestGuard() {}

  static void apply(Duration timeout) {
    String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
    if (System.getProperty(MAX_REQUEST_TIME) == null) {
      System.setProperty(MAX_REQUEST_TIME, seconds);
    }
    if (System.getProperty(MAX_RESPONSE_TIME) == null) {
      System.setProperty(MAX_RESPONSE_TIME, seconds);
    }
  }
}
