package chat.protocol.testing;

import chat.protocol.ClientMessage;
import chat.protocol.ProtocolCodec;
import chat.protocol.RoomUser;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.RoomData;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A chat client for tests that speaks the wire protocol through {@link ProtocolCodec}: requests with fresh
 * refs, raw text and binary frames, and one ordered inbox of what the server sent.
 *
 * <p>No helper ever loses a frame. {@code await…} methods read the earliest unread frame that matches and leave
 * every other frame unread, in order; {@link #next()} reads the earliest unread frame; {@code skipTo…} methods
 * also count the unread frames before their match as read, and {@link #received()} still lists those. Every
 * wait ends after the client's timeout, or at once when the connection has closed, with a failure that lists
 * what arrived.
 */
public final class TestClient implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ProtocolCodec CODEC = new ProtocolCodec();

  private final Inbox inbox;
  private final ClientSocket socket;
  private final AtomicLong refs = new AtomicLong();
  private volatile Duration timeout = TIMEOUT;

  private TestClient(URI uri, String origin) {
    inbox = new Inbox();
    socket = ClientSocket.open(uri, origin, new DecodingListener(inbox), TIMEOUT);
  }

  public static TestClient connect(URI uri) {
    return new TestClient(uri, null);
  }

  /** Connects as a page from {@code origin} would: its browser sends that Origin header. */
  public static TestClient connect(URI uri, String origin) {
    return new TestClient(uri, origin);
  }

  /** The HTTP status with which the server refuses a handshake from {@code origin}; fails if it accepts. */
  public static int refusedHandshakeStatus(URI uri, String origin) {
    return ClientSocket.refusedStatus(uri, origin, TIMEOUT);
  }

  /** How long each wait, send and close may take from now on ({@link #TIMEOUT} unless changed). */
  public TestClient withTimeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  // Requests: each gets the next ref (1, 2, 3…); the verbs wait for the ack, the send… methods do not.

  /** Joins and returns the ack; the welcome and user list before it stay unread. */
  public Ack join(String username, String room) {
    inbox.name(username);
    return awaitAck(sendJoin(username, room));
  }

  /** Joins, expects success, and counts everything up to the ack as read: for tests about what comes later. */
  public TestClient joined(String username, String room) {
    inbox.name(username);
    long ref = sendJoin(username, room);
    requireOk(inbox.skipTo("the ack for joining " + room, Ack.class, ack -> ack.ref() == ref, timeout),
        username + " joining " + room);
    return this;
  }

  public Ack say(String text) {
    return awaitAck(sendMessage(text));
  }

  /** Says something and expects it accepted, for tests where the message is only the setting. */
  public TestClient said(String text) {
    requireOk(say(text), "'" + text + "'");
    return this;
  }

  public Ack shareLocation(double latitude, double longitude) {
    return awaitAck(sendLocation(latitude, longitude));
  }

  public TestClient sharedLocation(double latitude, double longitude) {
    requireOk(shareLocation(latitude, longitude), "the location " + latitude + "," + longitude);
    return this;
  }

  /** Sends a join and returns its ref without waiting for the ack. */
  public long sendJoin(String username, String room) {
    return send(new ClientMessage.Join(refs.incrementAndGet(), username, room));
  }

  public long sendMessage(String text) {
    return send(new ClientMessage.SendMessage(refs.incrementAndGet(), text));
  }

  public long sendLocation(double latitude, double longitude) {
    return send(new ClientMessage.SendLocation(refs.incrementAndGet(), latitude, longitude));
  }

  /** Sends a message with the ref it carries and waits for that ref's ack. */
  public Ack request(ClientMessage message) {
    return awaitAck(send(message));
  }

  /** Sends a message with the ref it carries and returns that ref. */
  public long send(ClientMessage message) {
    sendRaw(CODEC.encode(message));
    return message.ref();
  }

  /** Sends any text as one frame; fails if the connection can no longer send. */
  public void sendRaw(String text) {
    if (!trySendRaw(text)) {
      throw new AssertionError("Could not send a frame; the connection is " + inbox.connection());
    }
  }

  /** Sends any text as one frame; false if the connection could no longer send (the server may cut it). */
  public boolean trySendRaw(String text) {
    return socket.sendText(text, timeout);
  }

  public void sendBinary(byte[] bytes) {
    if (!trySendBinary(bytes)) {
      throw new AssertionError("Could not send a frame; the connection is " + inbox.connection());
    }
  }

  public boolean trySendBinary(byte[] bytes) {
    return socket.sendBinary(bytes, timeout);
  }

  // Reading: in arrival order, never losing a frame.

  /** The earliest unread frame. */
  public ServerMessage next() {
    return inbox.next(timeout);
  }

  /** The earliest unread frame of the type that matches; the frames around it stay unread. */
  public <T extends ServerMessage> T await(Class<T> type, Predicate<? super T> matching) {
    return inbox.take("a matching " + type.getSimpleName(), type, matching, timeout);
  }

  public Ack awaitAck(long ref) {
    return inbox.take("the ack for ref " + ref, Ack.class, ack -> ack.ref() == ref, timeout);
  }

  /** A chat message (from a user or a notice) with exactly this text. */
  public ChatMessage awaitMessage(String text) {
    return inbox.take("a message \"" + text + "\"", ChatMessage.class, m -> m.text().equals(text), timeout);
  }

  /** A user list of exactly these names, in this order. */
  public RoomData awaitUsers(String... usernames) {
    return inbox.take("the users " + List.of(usernames), RoomData.class, hasUsers(usernames), timeout);
  }

  /** As {@link #await}, and the unread frames before the match count as read (see {@link #received()}). */
  public <T extends ServerMessage> T skipTo(Class<T> type, Predicate<? super T> matching) {
    return inbox.skipTo("a matching " + type.getSimpleName(), type, matching, timeout);
  }

  /** As {@link #awaitUsers}, and the unread frames before the list count as read. */
  public RoomData skipToUsers(String... usernames) {
    return inbox.skipTo("the users " + List.of(usernames), RoomData.class, hasUsers(usernames), timeout);
  }

  /** The unread frames, in order, now read (use after a barrier such as the client's own echoed message). */
  public List<ServerMessage> drain() {
    return inbox.drain();
  }

  /** The unread frames, in order, still unread. */
  public List<ServerMessage> unread() {
    return inbox.unread();
  }

  /** Every frame received so far, read or not, in arrival order. */
  public List<ServerMessage> received() {
    return inbox.received();
  }

  /** The last frame of the type received so far, read or not, e.g. the latest user list. */
  public <T extends ServerMessage> Optional<T> latest(Class<T> type) {
    return inbox.latest(type);
  }

  // Closing.

  /** Waits until the connection has ended, and says how. */
  public CloseStatus awaitClose() {
    return inbox.awaitClose(timeout);
  }

  public boolean isClosed() {
    return inbox.isClosed();
  }

  /** Closes with 1000 and waits (up to the timeout) for the server's answer. Safe to call twice. */
  @Override
  public void close() {
    close(1000, "");
  }

  public void close(int code, String reason) {
    socket.sendClose(code, reason);
    inbox.closesWithin(timeout);
    closeAbruptly();
  }

  /** Cuts the TCP connection without a close frame, as a crashed client or a lost network would. */
  public void closeAbruptly() {
    socket.abort();
    inbox.closed(CloseStatus.abnormal("cut by this client"));
  }

  private static Predicate<RoomData> hasUsers(String... usernames) {
    List<String> expected = List.of(usernames);
    return data -> data.users().stream().map(RoomUser::username).toList().equals(expected);
  }

  private static void requireOk(Ack ack, String what) {
    if (!ack.isOk()) {
      throw new AssertionError(what + " was refused: " + ack.error());
    }
  }
}
