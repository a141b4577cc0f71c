package chat.protocol.testing;

import chat.protocol.ClientMessage;
import chat.protocol.ProtocolCodec;
import chat.protocol.RoomUser;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.ServerMessage.RoomData;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A chat client for tests that speaks the wire protocol through {@link ProtocolCodec}: requests with fresh
 * refs, raw text and binary frames, and one ordered inbox of what the server sent.
 *
 * <p>No helper ever loses a frame. {@code await…} methods read the earliest unread frame that matches and leave
 * every other frame unread, in order; {@link #next()} reads the earliest unread frame; {@code skipTo…} methods
 * also count the unread frames before their match as read, and {@link #received()} still lists those. Every
 * wait ends after the client's timeout, or at once when the connection has closed, with a failure that lists
 * what arrived.
 *
 * <p>A protocol v2 server sends each successful join's {@code history} before its {@code Welcome!}: the join
 * verbs count it as read and keep it at hand ({@link #joinHistory()}), so that the welcome is still the first
 * unread frame after {@link #join(String, String)}, as it was with v1.
 */
public final class TestClient implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ProtocolCodec CODEC = new ProtocolCodec();

  private final Inbox inbox;
  private final JoinMemory joins;
  private final ClientSocket socket;
  private final AtomicLong refs = new AtomicLong();
  private volatile Duration timeout = TIMEOUT;

  private TestClient(HttpClient http, URI uri, String origin) {
    inbox = new Inbox();
    joins = new JoinMemory(inbox);
    socket = ClientSocket.open(http, uri, origin, new DecodingListener(inbox), TIMEOUT);
  }

  public static TestClient connect(URI uri) {
    return new TestClient(ClientSocket.sharedClient(), uri, null);
  }

  /** Connects as a page from {@code origin} would: its browser sends that Origin header. */
  public static TestClient connect(URI uri, String origin) {
    return new TestClient(ClientSocket.sharedClient(), uri, origin);
  }

  /** Connects to a {@code wss://} URL over TLS that trusts what {@code tls} trusts (hostnames are checked). */
  public static TestClient connect(URI uri, String origin, SSLContext tls) {
    return new TestClient(HttpClient.newBuilder().sslContext(tls).build(), uri, origin);
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

  /**
   * Joins and returns the ack. On success the history that comes first counts as read ({@link #joinHistory()}
   * returns it); the welcome and user list stay unread.
   */
  public Ack join(String username, String room) {
    return join(username, room, null, null, null);
  }

  /** As {@link #join(String, String)}, asking for the messages after {@code since} and the seat the token holds. */
  public Ack join(String username, String room, Long since, String epoch, String resumeToken) {
    ClientMessage.Join join = newJoin(username, room, since, epoch, resumeToken);
    int from = inbox.size();
    Ack ack = awaitAck(send(join));
    joins.settle(join, ack, from);
    return ack;
  }

  /** Joins, expects success, and counts everything up to the ack as read: for tests about what comes later. */
  public TestClient joined(String username, String room) {
    return joined(username, room, null, null, null);
  }

  public TestClient joined(String username, String room, Long since, String epoch, String resumeToken) {
    ClientMessage.Join join = newJoin(username, room, since, epoch, resumeToken);
    int from = inbox.size();
    long ref = send(join);
    Ack ack = inbox.skipTo("the ack for joining " + room, Ack.class, a -> a.ref() == ref, timeout);
    requireOk(ack, username + " joining " + room);
    joins.settle(join, ack, from);
    return this;
  }

  /**
   * Joins as {@code previous} would come back after losing its connection: the name and room of its latest
   * successful join, its {@link #lastId()} as {@code since}, the epoch of its latest history and its latest
   * {@link #resumeToken()}, each when it has one.
   */
  public Ack rejoin(TestClient previous) {
    ClientMessage.Join back = previous.joins.comeback();
    return join(back.username(), back.room(), back.since(), back.epoch(), back.resumeToken());
  }

  public Ack say(String text) {
    return awaitAck(sendMessage(text));
  }

  /** Says something with an idempotency key; the ack of a posted message carries its {@code id}. */
  public Ack say(String text, String clientId) {
    return awaitAck(sendMessage(text, clientId));
  }

  /** Says something and expects it accepted, for tests where the message is only the setting. */
  public TestClient said(String text) {
    requireOk(say(text), "'" + text + "'");
    return this;
  }

  public Ack shareLocation(double latitude, double longitude) {
    return awaitAck(sendLocation(latitude, longitude));
  }

  public Ack shareLocation(double latitude, double longitude, String clientId) {
    return awaitAck(sendLocation(latitude, longitude, clientId));
  }

  public TestClient sharedLocation(double latitude, double longitude) {
    requireOk(shareLocation(latitude, longitude), "the location " + latitude + "," + longitude);
    return this;
  }

  /** Asks for a page of older messages, expects success, and returns the history that answered. */
  public History loadHistory(Long before, int limit) {
    long ref = sendLoadHistory(before, limit);
    requireOk(awaitAck(ref), "loading the history before " + before);
    return awaitHistory(ref);
  }

  /** Sends a join and returns its ref without waiting for the ack. */
  public long sendJoin(String username, String room) {
    return sendJoin(username, room, null, null, null);
  }

  public long sendJoin(String username, String room, Long since, String epoch, String resumeToken) {
    return send(new ClientMessage.Join(refs.incrementAndGet(), username, room, since, epoch, resumeToken));
  }

  public long sendMessage(String text) {
    return sendMessage(text, null);
  }

  public long sendMessage(String text, String clientId) {
    return send(new ClientMessage.SendMessage(refs.incrementAndGet(), text, clientId));
  }

  public long sendLocation(double latitude, double longitude) {
    return sendLocation(latitude, longitude, null);
  }

  public long sendLocation(double latitude, double longitude, String clientId) {
    return send(new ClientMessage.SendLocation(refs.incrementAndGet(), latitude, longitude, clientId));
  }

  /** Sends a loadHistory ({@code before} null: the newest page) and returns its ref at once. */
  public long sendLoadHistory(Long before, int limit) {
    return send(new ClientMessage.LoadHistory(refs.incrementAndGet(), before, limit));
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

  /** The history that answered the loadHistory with this ref. */
  public History awaitHistory(long ref) {
    return inbox.take("the history for ref " + ref, History.class,
        history -> history.ref() != null && history.ref() == ref, timeout);
  }

  /**
   * The history that came with the latest successful {@code join…} or {@code joined…} call, read or not; fails
   * when that join got none (a server that speaks only protocol v1).
   */
  public History joinHistory() {
    return joins.history();
  }

  /** The resume token of the latest join ack received; fails when none has come. */
  public String resumeToken() {
    return joins.resumeToken().orElseThrow(
        () -> new AssertionError(inbox.name() + ": no join ack with a resume token has arrived"));
  }

  /**
   * The greatest room message id received since the latest join's history (in it or live): what this client
   * would send as {@code since}. Empty when it has seen none.
   */
  public OptionalLong lastId() {
    return joins.lastId();
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
    return inbox.latest(type, message -> true);
  }

  /** The last frame of the type that matches received so far, read or not. */
  public <T extends ServerMessage> Optional<T> latest(Class<T> type, Predicate<? super T> matching) {
    return inbox.latest(type, matching);
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

  private ClientMessage.Join newJoin(String username, String room, Long since, String epoch, String token) {
    inbox.name(username);
    return new ClientMessage.Join(refs.incrementAndGet(), username, room, since, epoch, token);
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
