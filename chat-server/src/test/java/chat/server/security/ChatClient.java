package chat.server.security;

import chat.protocol.ClientMessage;
import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.RoomData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A well-behaved chat client on the JDK's WebSocket (one shared HttpClient, no threads of its own), for the side
 * of a test that must keep working while another client misbehaves.
 */
final class ChatClient implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ProtocolCodec CODEC = new ProtocolCodec();

  /** How the server closed the connection. */
  record Closed(int code, String reason) {}

  private final BlockingQueue<ServerMessage> received = new LinkedBlockingQueue<>();
  /** Received messages that no {@link #next} call has asked for yet, in arrival order. */
  private final List<ServerMessage> backlog = new ArrayList<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final AtomicLong refs = new AtomicLong();
  private volatile RoomData latestRoomData;
  private final WebSocket socket;

  private ChatClient(URI uri) {
    this.socket = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT)
        .buildAsync(uri, new Listener()).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
  }

  static ChatClient connect(URI uri) {
    return new ChatClient(uri);
  }

  static CompletableFuture<ChatClient> connectAsync(URI uri) {
    return CompletableFuture.supplyAsync(() -> new ChatClient(uri));
  }

  /** Sends raw text and returns without waiting for any answer. */
  CompletableFuture<WebSocket> sendRaw(String text) {
    return socket.sendText(text, true);
  }

  CompletableFuture<WebSocket> sendBinary(byte[] bytes) {
    return socket.sendBinary(ByteBuffer.wrap(bytes), true);
  }

  Ack join(String username, String room) {
    long ref = refs.incrementAndGet();
    sendRaw(CODEC.encode(new ClientMessage.Join(ref, username, room))).join();
    return awaitAck(ref);
  }

  ChatClient joined(String username, String room) {
    Ack ack = join(username, room);
    if (!ack.isOk()) {
      throw new AssertionError(username + " could not join " + room + ": " + ack.error());
    }
    return this;
  }

  Ack say(String text) {
    long ref = sayAsync(text);
    return awaitAck(ref);
  }

  Ack shareLocation(double latitude, double longitude) {
    long ref = refs.incrementAndGet();
    sendRaw(CODEC.encode(new ClientMessage.SendLocation(ref, latitude, longitude))).join();
    return awaitAck(ref);
  }

  /** Sends a message and returns its ref without waiting for the ack. */
  long sayAsync(String text) {
    long ref = refs.incrementAndGet();
    sendRaw(CODEC.encode(new ClientMessage.SendMessage(ref, text))).join();
    return ref;
  }

  Ack awaitAck(long ref) {
    return next(Ack.class, ack -> ack.ref() == ref);
  }

  /**
   * The earliest received message of the type that matches and was not returned before; others stay for later
   * calls. Fails after {@link #TIMEOUT}.
   */
  <T extends ServerMessage> T next(Class<T> type, Predicate<T> matching) {
    return next(type, matching, TIMEOUT);
  }

  /** As {@link #next(Class, Predicate)}, failing after the given timeout. */
  synchronized <T extends ServerMessage> T next(Class<T> type, Predicate<T> matching, Duration timeout) {
    for (Iterator<ServerMessage> pending = backlog.iterator(); pending.hasNext(); ) {
      ServerMessage message = pending.next();
      if (type.isInstance(message) && matching.test(type.cast(message))) {
        pending.remove();
        return type.cast(message);
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        ServerMessage message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (message == null) {
          throw new AssertionError("No matching " + type.getSimpleName() + " within " + timeout);
        }
        if (type.isInstance(message) && matching.test(type.cast(message))) {
          return type.cast(message);
        }
        backlog.add(message);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The last user list the server sent, or null before the first. */
  RoomData latestRoomData() {
    return latestRoomData;
  }

  Closed awaitClose() {
    try {
      return closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("The connection was not closed within " + TIMEOUT, e);
    }
  }

  boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          ServerMessage message = CODEC.decodeServer(partial.toString());
          if (message instanceof RoomData roomData) {
            latestRoomData = roomData;
          }
          received.add(message);
        } catch (ProtocolException e) {
          throw new AssertionError("The server sent an undecodable frame: " + partial, e);
        } finally {
          partial.setLength(0);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new Closed(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(new Closed(-1, String.valueOf(error)));
    }
  }
}
