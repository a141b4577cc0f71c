package chat.protocol.testing;

import chat.protocol.ClientMessage;
import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * A tiny WebSocket server for the test client's own tests: it records what its one client sends, answers
 * requests as the test scripts, sends frames and closes on cue, and refuses handshakes from one origin.
 */
final class ScriptedServer extends WebSocketServer implements AutoCloseable {
  private static final ProtocolCodec CODEC = new ProtocolCodec();
  private static final long WAIT_SECONDS = 10;
  private static final long REARM_MILLIS = 50;

  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final CompletableFuture<WebSocket> client = new CompletableFuture<>();
  private final CompletableFuture<String> origin = new CompletableFuture<>();
  private final CompletableFuture<Integer> clientClose = new CompletableFuture<>();
  private final BlockingQueue<Object> fromClient = new LinkedBlockingQueue<>();
  private volatile Function<ClientMessage, List<ServerMessage>> answers = request -> List.of();
  private volatile String refusedOrigin;
  /**
   * The library can leave a frame queued off its selector thread waiting for the connection's next write (the
   * server's decision 5, "Stalled writes"): the answers sent from {@code onMessage} are. This asks again for
   * the write of whatever still waits, so no test waits on a frame the server did send.
   */
  private final ScheduledExecutorService rearm = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "scripted-server-rearm");
    thread.setDaemon(true);
    return thread;
  });

  private ScriptedServer() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
  }

  static ScriptedServer open() throws Exception {
    ScriptedServer server = new ScriptedServer();
    server.start();
    server.started.get(WAIT_SECONDS, TimeUnit.SECONDS);
    return server;
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + getPort());
  }

  /** From now on each request the client sends is answered with these frames, in order. */
  void answer(Function<ClientMessage, List<ServerMessage>> answers) {
    this.answers = answers;
  }

  void refuseOrigin(String origin) {
    refusedOrigin = origin;
  }

  void send(ServerMessage... frames) throws Exception {
    for (ServerMessage frame : frames) {
      sendRaw(CODEC.encode(frame));
    }
  }

  void sendRaw(String text) throws Exception {
    client().send(text);
  }

  void closeClient(int code, String reason) throws Exception {
    client().close(code, reason);
  }

  /** The next text or binary frame (as byte[]) the client sent. */
  Object nextFromClient() throws InterruptedException {
    Object frame = fromClient.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (frame == null) {
      throw new AssertionError("The client sent nothing within " + WAIT_SECONDS + " s");
    }
    return frame;
  }

  /** The Origin header of the client's handshake, or null if it sent none. */
  String origin() throws Exception {
    return origin.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The close code the server saw when the client went: 1006 if no close frame came. */
  int awaitClientCloseCode() throws Exception {
    return clientClose.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private WebSocket client() throws Exception {
    return client.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
      ClientHandshake request) throws InvalidDataException {
    if (refusedOrigin != null && refusedOrigin.equals(request.getFieldValue("Origin"))) {
      throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "origin refused");
    }
    return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    origin.complete(handshake.hasFieldValue("Origin") ? handshake.getFieldValue("Origin") : null);
    client.complete(conn);
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    fromClient.add(message);
    try {
      answers.apply(CODEC.decodeClient(message)).forEach(frame -> conn.send(CODEC.encode(frame)));
    } catch (ProtocolException notARequest) {
      // Raw text from a test: recorded, not answered.
    }
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {
    byte[] bytes = new byte[message.remaining()];
    message.get(bytes);
    fromClient.add(bytes);
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    clientClose.complete(code);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {}

  @Override
  public void onStart() {
    rearm.scheduleWithFixedDelay(this::rearmWaitingWrites, REARM_MILLIS, REARM_MILLIS, TimeUnit.MILLISECONDS);
    started.complete(null);
  }

  private void rearmWaitingWrites() {
    for (WebSocket connection : getConnections()) {
      if (connection.isOpen() && connection.hasBufferedData()) {
        onWriteDemand(connection);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    rearm.shutdownNow();
    stop(1000);
  }
}
