package chat.server.room;

import chat.protocol.RoomUser;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.RoomData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One room's rules: what a join, a leave, a message or a position sends, and to whom. Who is in the room is the
 * {@link Presence}'s, the ids and history the {@link RoomLog}'s, the delivery the {@link RoomBus}'s. Every
 * change, append and publish happens under the room's lock, so ids increase in the order members receive them
 * and nothing reaches a member twice or out of order. Rooms never share a lock.
 */
final class Room {
  static final String ADMIN = "Admin";

  private final String name;
  private final Clock clock;
  private final RoomLog log;
  private final RoomBus bus;
  private final Presence presence;
  private final RoomDataCoalescer roomData;
  private boolean closed;

  Room(String name, Clock clock, RoomLog log, RoomBus bus, Presence presence, RoomDataCoalescer roomData) {
    this.name = name;
    this.clock = clock;
    this.log = log;
    this.bus = bus;
    this.presence = presence;
    this.roomData = roomData;
  }

  String name() {
    return name;
  }

  enum JoinOutcome { JOINED, NAME_TAKEN, CLOSED }

  /** Adds the member and greets it: Welcome (to it), joined notice (to the others), room data (to all). */
  synchronized JoinOutcome join(Member member) {
    if (closed) {
      return JoinOutcome.CLOSED;
    }
    if (!presence.claim(name, member.username())) {
      return JoinOutcome.NAME_TAKEN;
    }
    member.peer().send(welcome());
    publish(notice(member.username() + " has joined!"));
    // Before the joiner subscribes: it gets its own list below, at once, and not a second copy now.
    roomData.changed(this, presence.usernames(name).size() - 1);
    bus.subscribe(name, member.peer());
    member.peer().send(roomData());
    return JoinOutcome.JOINED;
  }

  /** Greets a member that joined again under the same name: Welcome and room data, to it only. */
  synchronized void greetAgain(Member member) {
    member.peer().send(welcome());
    member.peer().send(roomData());
  }

  /**
   * Removes the member and tells the others. Returns true when the room is now empty and closed: it takes no
   * more joins, its log forgets it, and the registry drops it.
   */
  synchronized boolean leave(Member member) {
    bus.unsubscribe(name, member.peer());
    if (!presence.release(name, member.username())) {
      return closed;
    }
    int remaining = presence.usernames(name).size();
    if (remaining == 0) {
      closed = true;
      log.forget(name);
      return true;
    }
    publish(notice(member.username() + " has left!"));
    roomData.changed(this, remaining);
    return false;
  }

  /** Sends a member's text to the whole room, the sender included. False once the room has closed. */
  synchronized boolean post(Member sender, String text) {
    if (closed) {
      return false;
    }
    publish(new RoomMessage.Text(sender.username(), text, clock.millis(), false));
    return true;
  }

  /** Shares a member's position with the whole room. False once the room has closed. */
  synchronized boolean postLocation(Member sender, double latitude, double longitude) {
    if (closed) {
      return false;
    }
    String url = MessageValidator.mapUrl(latitude, longitude);
    publish(new RoomMessage.Location(sender.username(), latitude, longitude, url, clock.millis()));
    return true;
  }

  /** Sends the current user list to everyone; the coalescer calls this once per burst of changes. */
  synchronized void flushRoomData() {
    if (!closed) {
      bus.publish(name, roomData());
    }
  }

  private RoomData roomData() {
    List<String> usernames = presence.usernames(name);
    List<RoomUser> users = new ArrayList<>(usernames.size());
    for (String username : usernames) {
      users.add(new RoomUser(username));
    }
    return new RoomData(name, users);
  }

  /** Numbered even when nobody else is there to see it, as every room message is. */
  private void publish(RoomMessage message) {
    bus.publish(name, log.append(name, message));
  }

  private RoomMessage notice(String text) {
    return new RoomMessage.Text(ADMIN, text, clock.millis(), true);
  }

  /** A notice to one connection: it carries no id. */
  private ChatMessage welcome() {
    return new ChatMessage(null, ADMIN, "Welcome!", clock.millis(), true);
  }
}
