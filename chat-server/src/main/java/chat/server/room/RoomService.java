package chat.server.room;

import chat.protocol.ActiveRooms;
import chat.protocol.ClientMessage;
import chat.protocol.ClientMessage.Join;
import chat.protocol.ClientMessage.SendLocation;
import chat.protocol.ClientMessage.SendMessage;
import chat.protocol.ServerMessage.Ack;
import chat.server.config.ServerConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The chat's rules in plain Java: joins, messages and locations from one session, and its departure. Every
 * request is answered with exactly one ack to its sender, after whatever the request sent to the room. Each
 * session's requests are handled under its lock (always taken before a room's), so a message can never follow
 * its sender's departure from the room.
 */
public final class RoomService {
  static final String NAME_IN_USE = "Username is in use!";
  static final String JOIN_FIRST = "Join a room first";

  private final JoinValidator joinValidator;
  private final MessageValidator messageValidator;
  private final Presence presence;
  private final RoomRegistry registry;

  /**
   * The rules over the given seams; the scheduler runs the delayed room data ({@code --room-data-delay}) and is
   * the caller's to shut down.
   */
  public RoomService(ServerConfig config, Clock clock, RoomLog log, RoomBus bus, Presence presence,
      ScheduledExecutorService scheduler) {
    this.joinValidator = new JoinValidator(config);
    this.messageValidator = new MessageValidator(config, ProfanityFilter.shipped());
    this.presence = presence;
    RoomDataCoalescer roomData = new RoomDataCoalescer(config.roomDataDelay(), scheduler);
    this.registry = new RoomRegistry(name -> new Room(name, clock, log, bus, presence, roomData));
  }

  public void handle(Session session, ClientMessage message) {
    String error;
    try {
      if (message instanceof Join join) {
        error = join(session, join);
      } else if (message instanceof SendMessage send) {
        error = send(session, send);
      } else {
        error = shareLocation(session, (SendLocation) message);
      }
    } catch (ValidationException e) {
      error = e.getMessage();
    }
    if (error != null && message instanceof Join) {
      ActivityLog.refused(session.from(), error);
    }
    session.peer().send(error == null ? Ack.ok(message.ref()) : Ack.failed(message.ref(), error));
  }

  /**
   * The session's connection is gone ({@code why}, for the log: e.g. "connection closed, 1006"): its user leaves
   * its room. Safe to call more than once.
   */
  public void disconnect(Session session, String why) {
    synchronized (session) {
      session.markClosed();
      leaveCurrentRoom(session, why);
    }
  }

  /** Rooms with people in them, by name. */
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

  private String join(Session session, Join join) throws ValidationException {
    JoinRequest request = joinValidator.validate(join.username(), join.room());
    synchronized (session) {
      if (session.isClosed()) {
        return "Connection closed";
      }
      Room current = session.room();
      Member currentMember = session.member();
      boolean sameRoom = current != null && current.name().equals(request.room());
      if (sameRoom && currentMember.username().equals(request.username())) {
        current.greetAgain(currentMember);
        return null;
      }
      Member member = Member.of(request.username(), session.peer());
      boolean renamingOnlyCase = sameRoom && currentMember.key().equals(member.key());
      if (!renamingOnlyCase && presence.isClaimed(request.room(), request.username())) {
        return NAME_IN_USE; // checked first so that a refused move leaves the user where it was
      }
      leaveCurrentRoom(session, sameRoom ? "to rejoin as " + member.username() : "to join #" + request.room());
      Optional<Room> joined = registry.join(request.room(), member);
      if (joined.isEmpty()) {
        return NAME_IN_USE;
      }
      session.enter(joined.get(), member);
      ActivityLog.joined(member.username(), request.room(), session.from());
      return null;
    }
  }

  private String send(Session session, SendMessage send) throws ValidationException {
    if (!session.hasJoined()) {
      return JOIN_FIRST;
    }
    String text = messageValidator.validateText(send.text());
    synchronized (session) {
      Room room = session.room();
      return room != null && room.post(session.member(), text) ? null : JOIN_FIRST;
    }
  }

  private String shareLocation(Session session, SendLocation location) throws ValidationException {
    if (!session.hasJoined()) {
      return JOIN_FIRST;
    }
    messageValidator.validatePosition(location.latitude(), location.longitude());
    synchronized (session) {
      Room room = session.room();
      return room != null && room.postLocation(session.member(), location.latitude(), location.longitude())
          ? null : JOIN_FIRST;
    }
  }

  private void leaveCurrentRoom(Session session, String why) {
    Room room = session.room();
    if (room != null) {
      registry.leave(room, session.member());
      ActivityLog.left(session.member().username(), room.name(), why);
      session.clear();
    }
  }
}
