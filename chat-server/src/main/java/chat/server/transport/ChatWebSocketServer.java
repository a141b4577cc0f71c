package chat.server.transport;

import chat.protocol.ClientMessage;
import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerMessage;
import chat.server.config.ServerConfig;
import chat.server.room.RoomService;
import chat.server.room.Session;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket face of the chat: decodes each text frame, hands it to the {@link RoomService}, and turns
 * protocol errors into an ack error (when the frame had a usable ref) or an error message. Nothing a client
 * sends can throw out of here.
 */
public final class ChatWebSocketServer extends WebSocketServer {
  private static final Logger log = LoggerFactory.getLogger(ChatWebSocketServer.class);

  private final ProtocolCodec codec;
  private final FrameEncoder frames;
  private final RoomService rooms;
  private final CompletableFuture<Void> started = new CompletableFuture<>();

  public ChatWebSocketServer(ServerConfig config, ProtocolCodec codec, ScheduledExecutorService scheduler) {
    super(new InetSocketAddress(config.host(), config.wsPort()));
    this.codec = codec;
    this.frames = new FrameEncoder(codec);
    this.rooms = new RoomService(config, Clock.systemUTC(), new WebSocketFanout(frames), scheduler);
    setReuseAddr(true);
    setTcpNoDelay(true);
    setConnectionLostTimeout((int) config.connectionLostTimeout().toSeconds());
  }

  public RoomService rooms() {
    return rooms;
  }

  /** Closes every connection with 1001 (going away) and a reason, then stops. */
  public void shutDown() {
    try {
      stop(2000, "Server is shutting down");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Completes when the port is bound, or exceptionally when it cannot be. */
  public CompletableFuture<Void> started() {
    return started;
  }

  @Override
  public void onStart() {
    started.complete(null);
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    connection.setAttachment(new Session(new WebSocketPeer((WebSocketImpl) connection, this, frames)));
  }

  @Override
  public void onMessage(WebSocket connection, String text) {
    Session session = connection.getAttachment();
    ClientMessage message;
    try {
      message = codec.decodeClient(text);
    } catch (ProtocolException e) {
      reply(connection, e.ref().isPresent()
          ? ServerMessage.Ack.failed(e.ref().getAsLong(), e.getMessage())
          : new ServerMessage.ErrorMessage(e.getMessage()));
      return;
    }
    rooms.handle(session, message);
  }

  @Override
  public void onMessage(WebSocket connection, ByteBuffer bytes) {
    reply(connection, new ServerMessage.ErrorMessage(
        "Binary frames are not supported: send each message as a JSON text frame"));
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    Session session = connection.getAttachment();
    if (session != null) {
      rooms.disconnect(session);
    }
  }

  @Override
  public void onError(WebSocket connection, Exception error) {
    if (connection == null) {
      // A server-level failure: the port could not be bound, or the selector died.
      if (!started.completeExceptionally(error)) {
        log.error("WebSocket server failed", error);
      }
    } else {
      log.warn("WebSocket connection {} failed: {}", connection.getRemoteSocketAddress(), error.toString());
    }
  }

  private void reply(WebSocket connection, ServerMessage message) {
    Session session = connection.getAttachment();
    if (session != null) {
      session.peer().send(message);
    }
  }
}
