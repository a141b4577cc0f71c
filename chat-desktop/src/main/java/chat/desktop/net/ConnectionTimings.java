package chat.desktop.net;

import java.time.Duration;

/**
 * How long to wait: for an ack before a request fails, and between heartbeat pings (a socket whose pings go
 * unanswered for three beats is counted as lost).
 */
public record ConnectionTimings(Duration ackTimeout, Duration heartbeat) {

  /** 10 s for an ack, a ping every 15 s. */
  public static ConnectionTimings standard() {
    return new ConnectionTimings(Duration.ofSeconds(10), Duration.ofSeconds(15));
  }
}
