package chat.desktop.net;

import chat.protocol.ClientMessage;
import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatConnection} over the JDK's {@link WebSocket}. When the socket drops it reconnects on its own
 * scheduler with {@link Backoff} and joins the last acked room again, with that join's resume token so the
 * server gives back the seat it held (see {@link ResumePoint}); the state is {@code ONLINE} only once that join
 * is acked. Every request gets an ack timeout so no caller waits forever.
 */
public final class WebSocketChatConnection implements ChatConnection {
  private static final Logger log = LoggerFactory.getLogger(WebSocketChatConnection.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http;
  private final URI uri;
  private final RetrySchedule retries;
  private final Duration ackTimeout;
  private final PongWatch pongs;
  private final ProtocolCodec codec = new ProtocolCodec();
  private final PendingRequests pending = new PendingRequests();
  private final EventRelay relay = new EventRelay();
  private final HistoryPages pages = new HistoryPages();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "chat-reconnect");
            thread.setDaemon(true);
            return thread;
          });

  private final Object lock = new Object();
  private WebSocket socket; // guarded by lock
  private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null); // guarded by lock
  private boolean closed; // guarded by lock
  private final ResumePoint resume = new ResumePoint();
  private volatile ConnectionStatus status = ConnectionStatus.of(ConnectionState.CONNECTING);

  public WebSocketChatConnection(HttpClient http, URI uri, Backoff backoff, ConnectionTimings timings) {
    this.http = http;
    this.uri = uri;
    this.retries = new RetrySchedule(backoff, scheduler);
    this.ackTimeout = timings.ackTimeout();
    this.pongs = new PongWatch(timings.heartbeat());
  }

  /** Opens the first socket; fails (and closes this connection) when the server cannot be reached. */
  public CompletableFuture<WebSocketChatConnection> open() {
    return openSocket()
        .handle(
            (ws, error) -> {
              if (error != null) {
                close();
                throw CannotConnect.because(uri, error);
              }
              updateStatus(ConnectionStatus.of(ConnectionState.ONLINE));
              scheduler.scheduleWithFixedDelay(
                  this::heartbeat, pongs.heartbeat().toMillis(), pongs.heartbeat().toMillis(),
                  TimeUnit.MILLISECONDS);
              return this;
            });
  }

  @Override
  public CompletableFuture<Void> join(String username, String room) {
    // A join the user asks for (the first, or a room switch) is a plain one: a token belongs to its own room.
    return request(ref -> new ClientMessage.Join(ref, username, room))
        .thenAccept(ack -> resume.joined(username, room, ack));
  }

  @Override
  public CompletableFuture<Long> sendMessage(String text, String clientId) {
    return request(ref -> new ClientMessage.SendMessage(ref, text, clientId)).thenApply(ServerMessage.Ack::id);
  }

  @Override
  public CompletableFuture<ServerMessage.History> loadHistory(Long before, int limit) {
    return request(ref -> new ClientMessage.LoadHistory(ref, before, limit)).thenApply(ack -> pages.take(ack.ref()));
  }

  @Override
  public CompletableFuture<Void> sendLocation(double latitude, double longitude) {
    return request(ref -> new ClientMessage.SendLocation(ref, latitude, longitude)).thenAccept(ack -> {});
  }

  @Override
  public void reconnectNow() {
    retries.skipWait();
  }

  @Override
  public ConnectionStatus status() {
    return status;
  }

  @Override
  public void setListener(Listener listener) {
    relay.setListener(listener, status);
  }

  @Override
  public void close() {
    WebSocket ws;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      ws = socket;
      socket = null;
    }
    scheduler.shutdownNow();
    pending.failAll("Left the chat");
    if (ws != null) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").whenComplete((done, error) -> ws.abort());
    }
    updateStatus(ConnectionStatus.of(ConnectionState.CLOSED));
  }

  private CompletableFuture<WebSocket> openSocket() {
    return http.newWebSocketBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .buildAsync(uri, new SocketListener(this::onFrame, pongs::pong, this::onLost))
        .thenApply(
            ws -> {
              synchronized (lock) {
                if (closed) {
                  ws.abort();
                  throw new RequestFailedException("Left the chat");
                }
                socket = ws;
                sendChain = CompletableFuture.completedFuture(null);
                pongs.heard();
              }
              return ws;
            });
  }

  private CompletableFuture<ServerMessage.Ack> request(LongFunction<ClientMessage> build) {
    long ref = pending.nextRef();
    String json = codec.encode(build.apply(ref));
    CompletableFuture<ServerMessage.Ack> answer;
    synchronized (lock) {
      if (socket == null) {
        return CompletableFuture.failedFuture(new RequestFailedException("Not connected to the server"));
      }
      answer = pending.await(ref);
      WebSocket ws = socket;
      // The JDK WebSocket allows one outstanding send at a time, so sends are chained.
      sendChain = sendChain.handle((v, e) -> null).thenCompose(v -> ws.sendText(json, true));
      sendChain.whenComplete((v, e) -> {
        if (e != null) {
          pending.fail(ref, "Could not send: the connection was lost");
        }
      });
    }
    schedule(() -> pending.fail(ref, "The server did not answer in time"), ackTimeout);
    return answer;
  }

  private void onFrame(String text) {
    ServerMessage message;
    try {
      message = codec.decodeServer(text);
    } catch (ProtocolException e) {
      log.debug("Ignoring a frame the client does not understand: {}", e.getMessage());
      return;
    }
    if (message instanceof ServerMessage.Ack ack) {
      pending.answer(ack);
      return;
    }
    if (message instanceof ServerMessage.History page && page.ref() != null) {
      pages.arrived(page); // its ack follows and completes the request
      return;
    }
    switch (resume.note(message)) {
      case DELIVER -> relay.deliver(message);
      case RECOVER -> resync();
      case DROP -> log.debug("Dropping a message that was delivered already or is being fetched again");
    }
  }

  /**
   * A live id skipped one: joins the room again on this socket with the last id delivered, so the history
   * brings the missing messages in order. Should that fail, the socket is given up and the comeback asks.
   */
  private void resync() {
    log.info("A message id skipped; fetching the gap again");
    request(resume::resync).whenComplete((ack, error) -> {
      if (error == null) {
        resume.rejoined(ack);
        return;
      }
      resume.resyncFailed();
      WebSocket ws;
      synchronized (lock) {
        ws = socket;
      }
      if (ws != null) {
        onLost(ws, "fetching a gap failed: " + RequestFailedException.reasonOf(error));
      }
    });
  }

  /** How many heartbeat pongs came back (for tests). */
  int pongsReceived() {
    return pongs.pongs();
  }

  private void onLost(WebSocket ws, String reason) {
    synchronized (lock) {
      if (closed || ws != socket) {
        return;
      }
      socket = null;
    }
    ws.abort();
    log.info("Connection to {} lost: {}", uri, reason);
    pending.failAll("The connection was lost");
    schedule(this::retryLater, Duration.ZERO);
  }

  /** Runs on the scheduler: pings the server, or gives the socket up when three beats passed without a pong. */
  private void heartbeat() {
    WebSocket ws;
    synchronized (lock) {
      ws = socket;
    }
    if (ws == null) {
      return;
    }
    if (pongs.serverSilent()) {
      onLost(ws, "the server stopped answering pings");
    } else {
      ws.sendPing(java.nio.ByteBuffer.allocate(0));
    }
  }

  /** Runs on the scheduler: waits out the backoff (unless asked to reconnect now), then tries again. */
  private void retryLater() {
    Duration wait = retries.afterFailure(this::reconnect);
    updateStatus(new ConnectionStatus(ConnectionState.RECONNECTING, "retrying in " + seconds(wait)));
  }

  private void reconnect() {
    openSocket()
        .whenComplete(
            (ws, error) -> {
              if (error != null) {
                schedule(this::retryLater, Duration.ZERO);
              } else {
                rejoin(ws);
              }
            });
  }

  private void rejoin(WebSocket ws) {
    if (!resume.hasJoined()) {
      comeBackOnline();
      return;
    }
    request(resume::comeback)
        .whenComplete(
            (ack, error) -> {
              if (error == null) {
                resume.rejoined(ack);
                comeBackOnline();
                return;
              }
              log.info("Joining again failed: {}", RequestFailedException.reasonOf(error));
              synchronized (lock) {
                if (socket == ws) {
                  socket = null;
                }
              }
              ws.abort();
              schedule(this::retryLater, Duration.ZERO);
            });
  }

  private void comeBackOnline() {
    schedule(retries::succeeded, Duration.ZERO);
    updateStatus(ConnectionStatus.of(ConnectionState.ONLINE));
  }

  private void updateStatus(ConnectionStatus next) {
    synchronized (lock) {
      if (closed && next.state() != ConnectionState.CLOSED) {
        return;
      }
      status = next;
    }
    relay.statusChanged(next);
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("Connection closed; not scheduling more work");
    }
  }

  private static String seconds(Duration wait) {
    return String.format(java.util.Locale.ROOT, "%.1f s", wait.toMillis() / 1000.0);
  }
}
