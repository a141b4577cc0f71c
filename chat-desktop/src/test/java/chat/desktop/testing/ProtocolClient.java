package chat.desktop.testing;

import chat.protocol.ClientMessage;
import chat.protocol.ProtocolCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A second chat participant speaking the wire protocol directly (Java-WebSocket), for the tests. */
public final class ProtocolClient extends WebSocketClient {
  private final ProtocolCodec codec = new ProtocolCodec();
  private final AtomicLong refs = new AtomicLong();
  private final List<ServerMessage> received = new ArrayList<>();
  private final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

  private ProtocolClient(URI uri) {
    super(uri);
  }

  public static ProtocolClient connect(URI uri) {
    ProtocolClient client = new ProtocolClient(uri);
    try {
      if (!client.connectBlocking(10, TimeUnit.SECONDS)) {
        throw new AssertionError("Could not connect to " + uri);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return client;
  }

  /** Joins and waits for the ack; returns it (check {@code isOk()}). */
  public ServerMessage.Ack join(String username, String room) {
    return request(new ClientMessage.Join(refs.incrementAndGet(), username, room));
  }

  public ServerMessage.Ack say(String text) {
    return request(new ClientMessage.SendMessage(refs.incrementAndGet(), text));
  }

  /** Sends without waiting for the ack. */
  public void sayQuickly(String text) {
    send(codec.encode(new ClientMessage.SendMessage(refs.incrementAndGet(), text)));
  }

  /** Waits for a received message that matches, including ones that already arrived. */
  public <T extends ServerMessage> T await(Class<T> type, Predicate<T> matches) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    synchronized (received) {
      while (true) {
        for (ServerMessage message : received) {
          if (type.isInstance(message) && matches.test(type.cast(message))) {
            return type.cast(message);
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError(
              "No matching " + type.getSimpleName() + " in " + received + "; connection events: " + events);
        }
        waitOn(left);
      }
    }
  }

  /** Waits until this client's room list is exactly these users, in this order. */
  public void awaitUsers(List<String> users) {
    await(ServerMessage.RoomData.class,
        data -> data.users().stream().map(chat.protocol.RoomUser::username).toList().equals(users));
  }

  private ServerMessage.Ack request(ClientMessage message) {
    send(codec.encode(message));
    return await(ServerMessage.Ack.class, ack -> ack.ref() == message.ref());
  }

  private void waitOn(long millis) {
    try {
      received.wait(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void onMessage(String text) {
    try {
      ServerMessage message = codec.decodeServer(text);
      synchronized (received) {
        received.add(message);
        received.notifyAll();
      }
    } catch (ProtocolException e) {
      events.add("unreadable frame " + text);
    }
  }

  @Override
  public void onOpen(ServerHandshake handshake) {
    events.add("open");
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    events.add("close " + code + " " + reason + (remote ? " (by server)" : ""));
  }

  @Override
  public void onError(Exception error) {
    events.add("error " + error);
  }
}
