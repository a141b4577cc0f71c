package chat.desktop.net;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server pings us, but nothing tells us when the server vanishes without closing (a cable pulled, a
 * sleeping laptop): so the connection pings it every heartbeat and counts the socket lost when the pongs stop
 * for three beats. This keeps the time of the last pong.
 */
final class PongWatch {
  private static final int MISSED_BEATS = 3;

  private final Duration heartbeat;
  private final AtomicInteger pongs = new AtomicInteger();
  private volatile long lastPongNanos = System.nanoTime();

  PongWatch(Duration heartbeat) {
    this.heartbeat = heartbeat;
  }

  Duration heartbeat() {
    return heartbeat;
  }

  /** A new socket, or a pong: the silence starts again now. */
  void heard() {
    lastPongNanos = System.nanoTime();
  }

  void pong() {
    heard();
    pongs.incrementAndGet();
  }

  /** True when no pong came for three beats. */
  boolean serverSilent() {
    return System.nanoTime() - lastPongNanos > MISSED_BEATS * heartbeat.toNanos();
  }

  int pongs() {
    return pongs.get();
  }
}
