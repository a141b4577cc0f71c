package chat.server.support;

import chat.protocol.ClientMessage;
import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.RoomData;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A protocol-level chat client for tests: sends requests with fresh refs and reads what the server sends, in
 * order, waiting with a timeout and never sleeping.
 */
public final class TestClient implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ProtocolCodec codec = new ProtocolCodec();
  private final BlockingQueue<ServerMessage> inbox = new LinkedBlockingQueue<>();
  private final List<ServerMessage> seen = new ArrayList<>();
  private final AtomicLong refs = new AtomicLong();
  private final WebSocketClient socket;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile int closeCode = -1;

  private TestClient(URI uri) {
    socket = new WebSocketClient(uri) {
      @Override
      public void onOpen(ServerHandshake handshake) {}

      @Override
      public void onMessage(String text) {
        try {
          inbox.add(codec.decodeServer(text));
        } catch (ProtocolException e) {
          throw new AssertionError("The server sent an invalid frame: " + text, e);
        }
      }

      @Override
      public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
        closed.countDown();
      }

      @Override
      public void onError(Exception error) {}
    };
  }

  public static TestClient connect(URI uri) {
    TestClient client = new TestClient(uri);
    try {
      if (!client.socket.connectBlocking(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("Could not connect to " + uri);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return client;
  }

  /** Joins and returns the ack; the messages before it stay readable with {@link #next}. */
  public Ack join(String username, String room) {
    return request(new ClientMessage.Join(refs.incrementAndGet(), username, room));
  }

  /** Joins, expects success and drops everything the join produced, for tests about later behaviour. */
  public TestClient joined(String username, String room) {
    Ack ack = join(username, room);
    if (!ack.isOk()) {
      throw new AssertionError("join failed: " + ack.error());
    }
    inbox.clear();
    return this;
  }

  public Ack say(String text) {
    return request(new ClientMessage.SendMessage(refs.incrementAndGet(), text));
  }

  /** Says something and expects it accepted, for tests where the message is only the setting. */
  public TestClient said(String text) {
    requireOk(say(text), text);
    return this;
  }

  /** Shares a position and expects it accepted. */
  public TestClient sharedLocation(double latitude, double longitude) {
    requireOk(shareLocation(latitude, longitude), "location");
    return this;
  }

  private static void requireOk(Ack ack, String what) {
    if (!ack.isOk()) {
      throw new AssertionError("'" + what + "' was refused: " + ack.error());
    }
  }

  public Ack shareLocation(double latitude, double longitude) {
    return request(new ClientMessage.SendLocation(refs.incrementAndGet(), latitude, longitude));
  }

  /** Sends a request and waits for its ack, keeping every earlier message readable in order. */
  public Ack request(ClientMessage message) {
    socket.send(codec.encode(message));
    return awaitAck(message.ref());
  }

  public void sendRaw(String text) {
    socket.send(text);
  }

  public void sendBinary(byte[] bytes) {
    socket.send(bytes);
  }

  public Ack awaitAck(long ref) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    List<ServerMessage> before = new ArrayList<>();
    while (true) {
      ServerMessage message = poll(deadline, "ack " + ref);
      if (message instanceof Ack ack && ack.ref() == ref) {
        // Put back what came before the ack so ordering tests can still read it.
        List<ServerMessage> rest = new ArrayList<>(inbox);
        inbox.clear();
        inbox.addAll(before);
        inbox.addAll(rest);
        seen.add(ack);
        return ack;
      }
      before.add(message);
    }
  }

  /** The next message, in the order the server sent them. */
  public ServerMessage next() {
    return poll(System.nanoTime() + TIMEOUT.toNanos(), "a message");
  }

  /** Skips messages until one matches, and returns it. */
  public <T extends ServerMessage> T nextMatching(Class<T> type, Predicate<T> condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      ServerMessage message = poll(deadline, "a matching " + type.getSimpleName());
      if (type.isInstance(message) && condition.test(type.cast(message))) {
        return type.cast(message);
      }
    }
  }

  /** Waits for a roomData whose user list is exactly the given names, in order. */
  public RoomData awaitUsers(String... usernames) {
    List<String> expected = List.of(usernames);
    return nextMatching(RoomData.class, data -> data.users().stream().map(u -> u.username()).toList()
        .equals(expected));
  }

  /** Everything received and not yet read (use after a barrier such as the client's own echoed message). */
  public List<ServerMessage> drain() {
    List<ServerMessage> drained = new ArrayList<>();
    inbox.drainTo(drained);
    return drained;
  }

  /** Waits until the server closes the connection and returns the close code. */
  public int awaitClose() {
    try {
      if (!closed.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("The connection was not closed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return closeCode;
  }

  private ServerMessage poll(long deadline, String what) {
    try {
      ServerMessage message = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (message == null) {
        throw new AssertionError("Timed out waiting for " + what + "; seen so far: " + seen);
      }
      seen.add(message);
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.closeBlocking();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
