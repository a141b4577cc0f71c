package chat.server.room;

import chat.protocol.ClientMessage;
import chat.protocol.ClientMessage.Join;
import chat.protocol.ClientMessage.SendLocation;
import chat.protocol.ClientMessage.SendMessage;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One client as the room logic sees it, without a socket: a {@link Session} over a {@link RecordingPeer}, and
 * requests handed straight to the {@link RoomService} on the calling thread, each returning its ack.
 */
final class FakeConnection {
  private final RoomService service;
  private final RecordingPeer peer = new RecordingPeer();
  private final Session session = new Session(peer, "127.0.0.1:50000");
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
  private long nextRef = 1;

  FakeConnection(RoomService service) {
    this.service = service;
  }

  RecordingPeer peer() {
    return peer;
  }

  Ack join(String username, String room) {
    return request(new Join(nextRef++, username, room));
  }

  /** A join that resumes: {@code since}, {@code epoch} and {@code token} may each be null. */
  Ack join(String username, String room, Long since, String epoch, String token) {
    return request(new Join(nextRef++, username, room, since, epoch, token));
  }

  Ack say(String text) {
    return request(new SendMessage(nextRef++, text));
  }

  /** A send with an idempotency key. */
  Ack say(String text, String clientId) {
    return request(new SendMessage(nextRef++, text, clientId));
  }

  Ack loadHistory(Long before, int limit) {
    return request(new ClientMessage.LoadHistory(nextRef++, before, limit));
  }

  /** The last history this connection was sent. */
  ServerMessage.History lastHistory() {
    List<ServerMessage.History> histories = peer.sent().stream()
        .filter(ServerMessage.History.class::isInstance).map(ServerMessage.History.class::cast).toList();
    if (histories.isEmpty()) {
      throw new AssertionError("no history was sent: " + peer.sent());
    }
    return histories.get(histories.size() - 1);
  }

  Ack share(double latitude, double longitude) {
    return request(new SendLocation(nextRef++, latitude, longitude));
  }

  /** A clean close: the user leaves at once. */
  void disconnect() {
    service.disconnect(session, "connection closed, 1000", false);
    awaitGone();
  }

  /** The connection is lost without a close frame: the seat is held for the reconnect grace. */
  void drop() {
    service.disconnect(session, "connection closed, 1006", true);
    awaitGone();
  }

  /** Over seams that wait on the network the departure runs on a worker: done once the session is closed. */
  private void awaitGone() {
    long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
    while (!session.isClosed() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(100_000); // a bounded wait for the worker
    }
  }

  /** Handles the request and returns its ack, checking that it is the last thing sent and carries the ref. */
  synchronized Ack request(ClientMessage message) {
    service.handle(session, message);
    List<ServerMessage> sent = awaitAck(message.ref());
    ServerMessage last = sent.get(sent.size() - 1);
    if (!(last instanceof Ack ack) || ack.ref() != message.ref()) {
      throw new AssertionError("the last message sent was not the ack of ref " + message.ref() + ": " + sent);
    }
    return ack;
  }

  /**
   * What was sent once the ack of {@code ref} is among it: at once over a log that reports on the caller's
   * thread, within moments over one that reports from its own (Redis).
   */
  private List<ServerMessage> awaitAck(long ref) {
    long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
    List<ServerMessage> sent = peer.sent();
    while (sent.stream().noneMatch(m -> m instanceof Ack ack && ack.ref() == ref) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(100_000); // a bounded wait for the log's thread
      sent = peer.sent();
    }
    return sent;
  }
}
