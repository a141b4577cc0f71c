package chat.server.transport;

import chat.protocol.ClientMessage;
import chat.protocol.ErrorCode;
import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerMessage;
import chat.server.config.ServerConfig;
import chat.server.metrics.ConnectionMetrics;
import chat.server.metrics.RequestKind;
import chat.server.metrics.RoomMetrics;
import chat.server.metrics.ServerMetrics;
import chat.server.room.RoomService;
import chat.server.room.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket face of the chat: admits handshakes (origin, connection caps), decodes each text frame within
 * the sender's rate, hands it to the {@link RoomService}, and turns protocol errors into an ack error (when the
 * frame had a usable ref) or an error message. Nothing a client sends can throw out of here. Frames are decoded
 * and written on the selector thread ({@link SelectorHookServer}, {@link WriteScheduler}).
 */
public final class ChatWebSocketServer extends SelectorHookServer {
  private static final Logger log = LoggerFactory.getLogger(ChatWebSocketServer.class);
  private static final String SHUTDOWN_REASON = "Server is shutting down";
  /** The header a reverse proxy names the client in; believed only from {@code --trusted-proxies}. */
  private static final String FORWARDED_FOR = "X-Forwarded-For";
  /**
   * Connections the kernel may hold before they are accepted. The library's default (Java's 50) refuses most of a
   * reconnect storm: after a restart or a network blip, a room of 1,000 clients comes back within a second, and a
   * refused SYN is retried only after 1 s or more. Linux caps it at net.core.somaxconn (4096 by default).
   */
  static final int ACCEPT_BACKLOG = 4096;

  private final ServerConfig config;
  private final ProtocolCodec codec;
  private final FrameEncoder frames;
  private final RoomService rooms;
  private final ScheduledExecutorService scheduler;
  private final OriginPolicy origins;
  private final HandshakeGate gate;
  private final JoinDeadline joinDeadline;
  private final WriteDeadline writeDeadline = new WriteDeadline("write-deadline");
  private final WriteScheduler writes;
  private final StalledWriteGuard stalls;
  private final ConnectionMetrics metrics;
  private final RoomMetrics refusals;
  private final FrameAdmission admission;
  private final AtomicLong unexpectedErrors = new AtomicLong();
  private volatile boolean shuttingDown;
  private final CompletableFuture<Void> started = new CompletableFuture<>();

  /**
   * {@code rooms} is the chat's domain, built by the caller; {@code scheduler} runs the transport's timers;
   * {@code metrics} counts connections, frames, bytes and refusals.
   */
  public ChatWebSocketServer(ServerConfig config, ProtocolCodec codec, RoomService rooms,
      ScheduledExecutorService scheduler, ServerMetrics metrics) {
    super(new InetSocketAddress(config.host(), config.wsPort()),
        List.<Draft>of(new MessageSizeLimitDraft(config.maxMessageBytes())));
    LongSupplier clock = System::nanoTime;
    this.config = config;
    this.codec = codec;
    this.rooms = rooms;
    this.scheduler = scheduler;
    this.frames = new FrameEncoder(codec);
    this.metrics = metrics.connections();
    this.refusals = metrics.rooms();
    this.admission = new FrameAdmission(this.metrics, refusals);
    this.writes = new WriteScheduler(this, FlushPolicy.withMaxWait(config.fanoutFlushDelay()),
        writeDeadline, clock, SelectorLoad.selectorCpuClock());
    this.stalls = new StalledWriteGuard(writes, this, clock, this.metrics);
    this.joinDeadline = new JoinDeadline(scheduler, config.joinTimeout(), this);
    this.origins = new OriginPolicy(config.allowedOrigins(), config.httpPort());
    this.gate = new HandshakeGate(origins,
        new ConnectionLimits(config.maxConnections(), config.maxConnectionsPerAddress()), this.metrics);
    setReuseAddr(true);
    setTcpNoDelay(true);
    setMaxPendingConnections(ACCEPT_BACKLOG);
    setConnectionLostTimeout((int) config.connectionLostTimeout().toSeconds());
  }

  /** Tells the origin check which port the pages are served on (known once the HTTP server is bound). */
  public void pagePort(int port) {
    origins.pagePort(port);
  }

  /** Errors that no client input should cause; tests and health checks expect zero. */
  public long unexpectedErrors() {
    return unexpectedErrors.get();
  }

  /** Selector thread only: whether it has been busy most of the last few milliseconds. */
  public boolean isSaturated() {
    return writes.selectorSaturated();
  }

  /** Stalled writes the safety net had to restart; zero in a healthy server (see {@link StalledWriteGuard}). */
  public long writeRescues() {
    return stalls.rescues();
  }

  /** Closes every connection with 1001 (going away) and a reason, then stops. */
  public void shutDown() {
    shuttingDown = true; // a restart is a drop for everybody: seats are held, nobody is shown as leaving
    // Close first, while the selector runs: once stop() marks the server closed, the selector thread quits after
    // a few idle selects and closes its selector, and a close frame queued after that made the library's
    // onWriteDemand throw ClosedSelectorException out of stop(), leaving the rest unclosed (Java-WebSocket 1.6.0).
    for (WebSocket connection : getConnections()) {
      connection.close(CloseFrame.GOING_AWAY, SHUTDOWN_REASON);
    }
    stopHooks();
    try {
      stop(2000, SHUTDOWN_REASON);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ClosedSelectorException e) {
      // A connection that opened during the loop above lost that race; the selector is gone, and so is it.
      log.debug("Connection opened during shutdown closed without a close frame", e);
    }
    closeWakePipe();
    writeDeadline.close();
  }

  /**
   * Closes every connection with 1012 (service restart), so that their clients reconnect and resume (a cluster
   * node that was declared dead does this); the server goes on taking connections.
   */
  public void restartConnections() {
    for (WebSocket connection : getConnections()) {
      connection.close(CloseFrame.SERVICE_RESTART, "This server restarts its connections; reconnect");
    }
  }

  /** Completes when the port is bound, or exceptionally when it cannot be. */
  public CompletableFuture<Void> started() {
    return started;
  }

  /** A periodic task that throws is never run again, so nothing may escape. */
  private void sweepStalledWrites() {
    try {
      stalls.sweep();
    } catch (RuntimeException e) {
      unexpectedFailure("Sweeping stalled writes", e);
    }
  }

  @Override
  protected void selectorStarted() {
    writeDeadline.start();
    scheduler.scheduleWithFixedDelay(this::sweepStalledWrites, StalledWriteGuard.SWEEP_MILLIS,
        StalledWriteGuard.SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    started.complete(null);
  }

  @Override
  protected void passEnded(int reads) {
    writes.passEnded(reads);
  }

  @Override
  protected void accepted(WebSocketImpl connection) {
    joinDeadline.watch(connection);
  }

  @Override
  protected void unexpectedFailure(String what, RuntimeException error) {
    unexpected();
    log.error("{} failed", what, error);
  }

  @Override
  protected void bytesRead(int bytes) {
    metrics.bytesReceived(bytes);
  }

  @Override
  protected void bytesWritten(int bytes) {
    metrics.bytesSent(bytes);
  }

  /** Refusals answer 403 (origin), 503 (full) or 429 (address over its cap); see {@link #refuse}. */
  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket connection, Draft draft,
      ClientHandshake request) throws InvalidDataException {
    ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(connection, draft, request);
    ClientAddress client = ClientAddress.of(connection.getRemoteSocketAddress(),
        request.getFieldValue(FORWARDED_FOR), config.trustedProxies());
    connection.setAttachment(client); // until the connection opens; its ClientConnection keeps it then
    Optional<HandshakeRefusal> refusal = gate.refusal(client, request);
    if (refusal.isPresent()) {
      throw refuse(connection, refusal.get());
    }
    return response;
  }

  @Override
  protected boolean addConnection(WebSocket connection) {
    boolean added = super.addConnection(connection);
    if (added) {
      gate.opened(ClientConnection.addressOf(connection));
    }
    return added;
  }

  @Override
  protected boolean removeConnection(WebSocket connection) {
    boolean removed = super.removeConnection(connection);
    if (removed) {
      gate.closed(ClientConnection.addressOf(connection));
    }
    return removed;
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    WebSocketPeer peer = new WebSocketPeer((WebSocketImpl) connection, writes, frames,
        new SendBudget(config.maxBufferedBytes()), this, metrics);
    FloodGuard floodGuard = new FloodGuard(config.rateLimit(), config.rateBurst(), System.nanoTime());
    ClientAddress address = ClientConnection.addressOf(connection);
    Session session = new Session(peer, address.display());
    connection.setAttachment(new ClientConnection(session, peer, floodGuard, address));
  }

  @Override
  public void onMessage(WebSocket connection, String text) {
    metrics.frameReceived();
    ClientConnection client = ClientConnection.of(connection);
    ClientMessage message;
    try {
      message = codec.decodeClient(text);
    } catch (ProtocolException e) {
      Long ref = e.ref().isPresent() ? e.ref().getAsLong() : null;
      if (admission.admit(connection, client, ref, RequestKind.OTHER)) {
        refusals.refused(RequestKind.OTHER, ErrorCode.BAD_REQUEST);
        reply(client, e.ref().isPresent()
            ? ServerMessage.Ack.failed(e.ref().getAsLong(), ErrorCode.BAD_REQUEST, e.getMessage())
            : new ServerMessage.ErrorMessage(e.getMessage()));
      }
      return;
    }
    if (admission.admit(connection, client, message.ref(), RequestKind.of(message))) {
      rooms.handle(client.session(), message);
    }
  }

  @Override
  public void onMessage(WebSocket connection, ByteBuffer bytes) {
    metrics.frameReceived();
    ClientConnection client = ClientConnection.of(connection);
    if (admission.admit(connection, client, null, RequestKind.OTHER)) {
      refusals.refused(RequestKind.OTHER, ErrorCode.BAD_REQUEST);
      reply(client, new ServerMessage.ErrorMessage(
          "Binary frames are not supported: send each message as a JSON text frame"));
    }
  }

  /**
   * Pings count against the sender's rate like any frame, and their pongs against its send budget: otherwise a
   * client could flood pings without reading and grow its queue of pongs without bound.
   */
  @Override
  public void onWebsocketPing(WebSocket connection, Framedata ping) {
    ClientConnection client = ClientConnection.of(connection);
    if (client == null || !admission.admit(connection, client, null, RequestKind.OTHER)) {
      return;
    }
    super.onWebsocketPing(connection, ping);
    client.peer().queuedBytes(ping.getPayloadData().remaining() + 2);
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    // Nobody will write these any more; a peer that vanished mid-storm can leave thousands of frames here.
    discardQueued((WebSocketImpl) connection);
    ClientConnection client = ClientConnection.of(connection);
    metrics.closed(CloseCause.of(code, remote, shuttingDown, client == null ? null : client.peer().closingReason()));
    if (client != null) {
      client.peer().closed();
      rooms.disconnect(client.session(), "connection closed, " + code,
          droppedWithoutClosing(code) || client.peer().wasDropped());
    }
  }

  /**
   * A connection lost without a close frame (network loss, ping timeout: the library reports 1006), cut for
   * reading too slowly, or closed by this server stopping. A close frame from the client, or a close for cause
   * by this server (flooding, join timeout), is a departure.
   */
  private boolean droppedWithoutClosing(int code) {
    return code == CloseFrame.ABNORMAL_CLOSE || shuttingDown;
  }

  @Override
  public void onError(WebSocket connection, Exception error) {
    if (connection == null) {
      // A server-level failure: the port could not be bound, or the selector died.
      if (!started.completeExceptionally(error)) {
        unexpected();
        log.error("WebSocket server failed", error);
      }
    } else if (error instanceof InvalidDataException || error instanceof IOException) {
      // A client that broke the protocol or vanished: its connection is closed, nothing else is affected.
      log.debug("WebSocket connection {} failed: {}", connection.getRemoteSocketAddress(), error.toString());
    } else {
      unexpected();
      log.error("Unexpected failure on WebSocket connection {}", connection.getRemoteSocketAddress(), error);
    }
  }

  private void unexpected() {
    unexpectedErrors.incrementAndGet();
    metrics.unexpectedError();
  }

  private static void reply(ClientConnection client, ServerMessage message) {
    client.peer().send(message);
  }
}
