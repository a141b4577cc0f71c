package chat.server.room;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.RoomData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * A connection that only remembers: what it was sent directly and what the bus delivered to it, kept apart but
 * on one timeline, so tests can check both what arrived and in which order. Safe from any thread.
 */
final class RecordingPeer implements Peer {
  enum Via { SEND, DELIVER }

  record Received(Via via, ServerMessage message) {}

  private final List<Received> timeline = new CopyOnWriteArrayList<>();
  private volatile String closedWith;

  @Override
  public void send(ServerMessage message) {
    timeline.add(new Received(Via.SEND, message));
  }

  @Override
  public void deliver(ServerMessage message) {
    timeline.add(new Received(Via.DELIVER, message));
  }

  @Override
  public void close(String reason) {
    closedWith = reason;
  }

  /** The reason the room logic closed this connection with, or null. */
  String closedWith() {
    return closedWith;
  }

  /** Everything received, in order, each with the way it came. */
  List<Received> timeline() {
    return List.copyOf(timeline);
  }

  List<ServerMessage> sent() {
    return received(Via.SEND);
  }

  List<ServerMessage> delivered() {
    return received(Via.DELIVER);
  }

  /** The delivered messages of one type, e.g. {@code delivered(RoomData.class)}. */
  <T extends ServerMessage> List<T> delivered(Class<T> type) {
    return delivered().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Forgets what arrived so far, so that a test reads only what its next step causes. */
  void clear() {
    timeline.clear();
  }

  /** Waits for a delivered user list that passes the test; for lists the scheduler sends later. */
  RoomData awaitDeliveredRoomData(Predicate<RoomData> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (RoomData data : delivered(RoomData.class)) {
        if (wanted.test(data)) {
          return data;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no such roomData within " + timeout + "; received " + timeline);
      }
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
  }

  /** Waits for a delivered message that passes the test; for what timers send. */
  ServerMessage awaitDelivered(Predicate<ServerMessage> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (ServerMessage message : delivered()) {
        if (wanted.test(message)) {
          return message;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no such message within " + timeout + "; received " + timeline);
      }
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
  }

  private List<ServerMessage> received(Via via) {
    return timeline.stream().filter(r -> r.via() == via).map(Received::message).toList();
  }
}
