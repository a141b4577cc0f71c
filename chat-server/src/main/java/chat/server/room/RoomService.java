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
 * request is answered with exactly one ack to its sender, after whatever the request sent to the room.
 */
public final class RoomService {
  static final String NAME_IN_USE = "Username is in use!";
  static final String JOIN_FIRST = "Join a room first";

  private final JoinValidator joinValidator;
  private final MessageValidator messageValidator;
  private final RoomRegistry registry;

  public RoomService(ServerConfig config, Clock clock, Fanout fanout, ScheduledExecutorService scheduler) {
    this.joinValidator = new JoinValidator(config);
    this.messageValidator = new MessageValidator(config, ProfanityFilter.shipped());
    RoomDataCoalescer roomData = new RoomDataCoalescer(config.roomDataDelay(), scheduler, fanout);
    this.registry = new RoomRegistry(clock, fanout, roomData);
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
    session.peer().send(error == null ? Ack.ok(message.ref()) : Ack.failed(message.ref(), error));
  }

  /** The session's connection is gone: its user leaves its room. Safe to call more than once. */
  public void disconnect(Session session) {
    synchronized (session) {
      session.markClosed();
      leaveCurrentRoom(session);
    }
  }

  public ActiveRooms activeRooms() {
    return registry.activeRooms();
  }

  /** The user names in a room in join order (for tests and health checks). */
  public List<String> usernames(String room) {
    return registry.usernames(room);
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
      if (registry.isNameTaken(request.room(), member.key())
          && !(sameRoom && currentMember.key().equals(member.key()))) {
        return NAME_IN_USE;
      }
      leaveCurrentRoom(session);
      Optional<Room> joined = registry.join(request.room(), member);
      if (joined.isEmpty()) {
        return NAME_IN_USE;
      }
      session.enter(joined.get(), member);
      return null;
    }
  }

  private String send(Session session, SendMessage send) throws ValidationException {
    Room room = session.room();
    Member member = session.member();
    if (room == null) {
      return JOIN_FIRST;
    }
    String text = messageValidator.validateText(send.text());
    return room.post(member, text) ? null : JOIN_FIRST;
  }

  private String shareLocation(Session session, SendLocation location) throws ValidationException {
    Room room = session.room();
    Member member = session.member();
    if (room == null) {
      return JOIN_FIRST;
    }
    messageValidator.validatePosition(location.latitude(), location.longitude());
    return room.postLocation(member, location.latitude(), location.longitude()) ? null : JOIN_FIRST;
  }

  private void leaveCurrentRoom(Session session) {
    Room room = session.room();
    if (room != null) {
      registry.leave(room, session.member());
      session.clear();
    }
  }
}
