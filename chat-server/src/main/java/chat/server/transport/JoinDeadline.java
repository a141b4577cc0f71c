package chat.server.transport;

import chat.server.metrics.CloseReason;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.framing.CloseFrame;

/**
 * Gives every accepted socket a deadline to upgrade and join a room, so idle sockets cannot hold connection slots:
 * a socket still without a handshake is cut; an open connection that has not joined is closed with 1008.
 */
final class JoinDeadline {
  private final ScheduledExecutorService scheduler;
  private final Duration timeout;
  private final SelectorLoop loop;

  /** Closes on the selector thread ({@code loop}), where closing a socket cannot cut a pass short. */
  JoinDeadline(ScheduledExecutorService scheduler, Duration timeout, SelectorLoop loop) {
    this.scheduler = scheduler;
    this.timeout = timeout;
    this.loop = loop;
  }

  /**
   * Starts the clock for a socket just accepted. The timer holds the connection weakly: a connection that closed
   * long before its deadline must not stay in memory until then.
   */
  void watch(WebSocketImpl connection) {
    WeakReference<WebSocketImpl> watched = new WeakReference<>(connection);
    try {
      scheduler.schedule(() -> onSelector(watched), timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // The server is shutting down; the connection is closed with the others.
    }
  }

  private void onSelector(WeakReference<WebSocketImpl> watched) {
    if (!loop.runOnSelector(() -> expire(watched.get()))) {
      expire(watched.get()); // no selector to run it: the server is stopping
    }
  }

  private void expire(WebSocketImpl connection) {
    if (connection == null) {
      return; // closed and collected
    }
    if (connection.getReadyState() == ReadyState.NOT_YET_CONNECTED) {
      connection.closeConnection(CloseFrame.NEVER_CONNECTED, "No WebSocket handshake in time");
    } else if (connection.isOpen()) {
      ClientConnection client = ClientConnection.of(connection);
      if (client != null && !client.session().hasJoined()) {
        client.peer().closingFor(CloseReason.JOIN_TIMEOUT);
        connection.close(CloseFrame.POLICY_VALIDATION,
            "Join a room within " + timeout.toSeconds() + " seconds of connecting");
      }
    }
  }
}
