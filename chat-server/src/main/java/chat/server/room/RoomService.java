package chat.server.room;

import chat.protocol.ActiveRooms;
import chat.protocol.ClientMessage;
import chat.protocol.ClientMessage.Join;
import chat.protocol.ClientMessage.LoadHistory;
import chat.protocol.ClientMessage.SendLocation;
import chat.protocol.ClientMessage.SendMessage;
import chat.protocol.ErrorCode;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.History;
import chat.server.config.ServerConfig;
import chat.server.metrics.RequestKind;
import chat.server.metrics.RoomMetrics;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chat's rules in plain Java: joins, returns, messages, locations and history pages from one session, and
 * its departure. Every request is answered with exactly one ack to its sender, after whatever the request sent
 * to the room (a send is acked once its message is stored and delivered). Each session's requests are handled
 * under its lock (always taken before a room's), so a message can never follow its sender's departure.
 */
public final class RoomService {
  private final JoinValidator joinValidator;
  private final MessageValidator messageValidator;
  private final Clock clock;
  private final RoomLog log;
  private final Presence presence;
  private final RoomRegistry registry;
  private final RoomMetrics metrics;
  private final RoomParts parts;
  /** Runs requests that may wait on shared state; null when none does (one server). */
  private final Executor waiting;

  /**
   * The rules over the given seams; the scheduler runs the delayed room data ({@code --room-data-delay}) and
   * the reconnect grace, and is the caller's to shut down. Seats the log kept from before a restart are held
   * again at once, each for the grace. {@code metrics} counts joins, refusals and messages.
   */
  public RoomService(ServerConfig config, Clock clock, RoomLog log, RoomBus bus, Presence presence,
      ScheduledExecutorService scheduler, RoomMetrics metrics) {
    this(config, clock, log, bus, presence, scheduler, metrics, null);
  }

  /**
   * As above, over seams that may wait on the network (cluster mode): every request and departure runs on
   * {@code waiting}, each session's in order, so that the caller's thread (the selector) never waits.
   */
  public RoomService(ServerConfig config, Clock clock, RoomLog log, RoomBus bus, Presence presence,
      ScheduledExecutorService scheduler, RoomMetrics metrics, Executor waiting) {
    this.waiting = waiting;
    this.joinValidator = new JoinValidator(config);
    this.messageValidator = new MessageValidator(config, ProfanityFilter.shipped());
    this.clock = clock;
    this.log = log;
    this.presence = presence;
    this.metrics = metrics;
    List<HeldSeat> kept = log.heldSeats().stream().sorted(Comparator.comparingLong(HeldSeat::position)).toList();
    AtomicLong positions = new AtomicLong(kept.isEmpty() ? 0 : kept.get(kept.size() - 1).position());
    RoomParts parts = new RoomParts(clock, log, bus, presence,
        new RoomDataCoalescer(config.roomDataDelay(), scheduler), scheduler, waiting == null ? scheduler : waiting,
        new ResumeTokens(), positions,
        config.historyOnJoin(), config.reconnectGrace(), metrics);
    this.parts = parts;
    this.registry = new RoomRegistry(parts);
    kept.forEach(registry::restore);
  }

  public void handle(Session session, ClientMessage message) {
    // Over seams that wait, every request goes to a worker: a room's lock may be held across a round trip.
    session.requests().submit(waiting, true, () -> handleNow(session, message));
  }

  private void handleNow(Session session, ClientMessage message) {
    Rejection rejection;
    try {
      if (message instanceof Join join) {
        rejection = join(session, join);
      } else if (message instanceof SendMessage send) {
        rejection = send(session, send);
      } else if (message instanceof SendLocation location) {
        rejection = shareLocation(session, location);
      } else {
        rejection = loadHistory(session, (LoadHistory) message);
      }
    } catch (ValidationException e) {
      rejection = e.rejection();
    } catch (Unavailable e) {
      rejection = Rejection.SHARED_STATE_DOWN; // the lost connection was logged once, where it was noticed
    }
    if (rejection != null) {
      if (message instanceof Join) {
        ActivityLog.refused(session.from(), rejection.text());
      }
      metrics.refused(RequestKind.of(message), rejection.code());
      session.peer().send(rejection.ack(message.ref()));
    }
  }

  /**
   * The session's connection is gone ({@code why}, for the log: e.g. "connection closed, 1006"). When it
   * {@code dropped} (no close frame), its user's seat is held for the reconnect grace; otherwise it leaves its
   * room at once. Safe to call more than once.
   */
  public void disconnect(Session session, String why, boolean dropped) {
    session.requests().submit(waiting, true, () -> disconnectNow(session, why, dropped));
  }

  private void disconnectNow(Session session, String why, boolean dropped) {
    synchronized (session) {
      session.markClosed();
      Room room = session.room();
      if (room != null) {
        room.leave(session, session.member(), dropped, why);
        session.clear();
      }
    }
  }

  /** Another server changed who is in the room (cluster mode): its members here get the new user list. */
  public void membersChangedElsewhere(String room) {
    registry.existing(room).ifPresent(Room::changedElsewhere);
  }

  /** Another server took over the seat of {@code userKey} in the room (cluster mode): it goes from here. */
  public void seatMovedElsewhere(String room, String userKey) {
    // Not on the caller's thread: the room's lock may be held by a request waiting on the network.
    registry.existing(room).ifPresent(open -> runLater(() -> open.letGo(userKey)));
  }

  private void runLater(Runnable task) {
    try {
      parts.waiting().execute(task);
    } catch (RejectedExecutionException e) {
      // stopping: the connection goes with the server
    }
  }

  /**
   * A seat this server gave up for the cluster (cluster mode): a dead server's seat whose user did not come
   * back within the grace, or one whose release had to wait for Redis. Whoever gives a seat up tells the room,
   * once.
   */
  public void seatGivenUpElsewhere(String room, String username) {
    ActivityLog.left(username, room, "its seat was given up by the cluster");
    LeavingNotice.post(parts, room, username, () -> {});
  }

  /** Rooms with people in them (or seats held for them), by name. */
  public ActiveRooms activeRooms() {
    List<ActiveRooms.Room> rooms = presence.headcounts().entrySet().stream()
        .map(room -> new ActiveRooms.Room(room.getKey(), room.getValue()))
        .toList();
    return new ActiveRooms(rooms);
  }

  /** The user names in a room in join order (for tests and health checks). */
  public List<String> usernames(String room) {
    return presence.usernames(room);
  }

  /** Returns null when the join went ahead (it acks itself once greeted), else the rejection to ack. */
  private Rejection join(Session session, Join join) throws ValidationException {
    JoinRequest request = joinValidator.validate(join.username(), join.room());
    synchronized (session) {
      if (session.isClosed()) {
        return Rejection.CLOSED;
      }
      Room current = session.room();
      Member currentMember = session.member();
      Member member = Member.of(request.username(), session.peer());
      JoinAsk ask = new JoinAsk(join.ref(), join.since(), join.epoch());
      boolean sameRoom = current != null && current.name().equals(request.room());
      if (sameRoom && currentMember.username().equals(request.username())
          && current.rejoin(session, member, null, ask)) {
        return null;
      }
      if (join.resumeToken() != null && resumed(session, request, member, ask, join.resumeToken())) {
        if (current != null && !sameRoom) {
          current.leave(session, currentMember, false, "to join #" + request.room());
        }
        return null;
      }
      boolean renamingOnlyCase = sameRoom && currentMember.key().equals(member.key());
      if (!renamingOnlyCase && presence.isClaimed(request.room(), request.username())) {
        return Rejection.NAME_IN_USE; // checked first so that a refused move leaves the user where it was
      }
      if (current != null) {
        current.leave(session, currentMember, false,
            sameRoom ? "to rejoin as " + member.username() : "to join #" + request.room());
        session.clear();
      }
      if (registry.join(request.room(), session, member, ask).isEmpty()) {
        return Rejection.NAME_IN_USE;
      }
      ActivityLog.joined(member.username(), request.room(), session.from());
      return null;
    }
  }

  private boolean resumed(Session session, JoinRequest request, Member member, JoinAsk ask, String token) {
    String tokenHash = ResumeTokens.hash(token);
    Optional<Room> room = registry.existing(request.room());
    if (room.isPresent() && room.get() == session.room()) {
      return false;
    }
    if (room.isEmpty() || !room.get().rejoin(session, member, tokenHash, ask)) {
      // Held by another server (cluster mode): taken over with its token, then rejoined here.
      Optional<Room> adopted = presence.adopt(request.room(), member.key(), tokenHash).flatMap(registry::adopt);
      if (adopted.isEmpty() || adopted.get() == session.room()
          || !adopted.get().rejoin(session, member, tokenHash, ask)) {
        return false;
      }
    }
    ActivityLog.returned(member.username(), request.room(), session.from());
    return true;
  }

  private Rejection send(Session session, SendMessage send) throws ValidationException {
    if (!session.hasJoined()) {
      return Rejection.JOIN_FIRST;
    }
    String text = messageValidator.validateText(send.text());
    synchronized (session) {
      Member sender = session.member();
      Room room = session.room();
      RoomMessage message = sender == null ? null
          : new RoomMessage.Text(sender.username(), text, clock.millis(), false, send.clientId());
      return room != null && room.post(session, sender, message, send.ref()) ? null : Rejection.JOIN_FIRST;
    }
  }

  private Rejection shareLocation(Session session, SendLocation location) throws ValidationException {
    if (!session.hasJoined()) {
      return Rejection.JOIN_FIRST;
    }
    double latitude = location.latitude();
    double longitude = location.longitude();
    messageValidator.validatePosition(latitude, longitude);
    synchronized (session) {
      Member sender = session.member();
      Room room = session.room();
      RoomMessage message = sender == null ? null : new RoomMessage.Location(sender.username(), latitude,
          longitude, MessageValidator.mapUrl(latitude, longitude), clock.millis(), location.clientId());
      return room != null && room.post(session, sender, message, location.ref()) ? null : Rejection.JOIN_FIRST;
    }
  }

  private Rejection loadHistory(Session session, LoadHistory request) {
    Room room;
    synchronized (session) {
      room = session.room();
    }
    if (room == null) {
      return Rejection.JOIN_FIRST;
    }
    Peer peer = session.peer();
    long ref = request.ref();
    log.page(room.name(), request.before(), request.limit(), ref, new RoomLog.Page() {
      @Override
      public void loaded(History history) {
        peer.send(history);
        peer.send(Ack.ok(ref));
      }

      @Override
      public void failed() {
        metrics.refused(RequestKind.HISTORY, ErrorCode.UNAVAILABLE);
        peer.send(Rejection.COULD_NOT_LOAD.ack(ref));
      }
    });
    return null;
  }
}
