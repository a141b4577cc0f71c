package chat.server.room;

import chat.protocol.ActiveRooms;
import chat.protocol.RoomUser;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.LocationMessage;
import chat.protocol.ServerMessage.RoomData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One room: its members in join order and the sequence of ids its messages carry. Every change and every
 * fan-out happens under the room's lock, so ids increase in the order members receive them and nothing is
 * sent to a member twice or out of order. Rooms never share a lock.
 */
final class Room {
  static final String ADMIN = "Admin";

  private final String name;
  private final Clock clock;
  private final Fanout fanout;
  private final RoomDataCoalescer roomData;
  private final Map<String, Member> members = new LinkedHashMap<>();
  /** Rebuilt on every membership change so fan-out never copies the member map. */
  private List<Peer> peers = List.of();
  private long lastId;
  private boolean closed;

  Room(String name, Clock clock, Fanout fanout, RoomDataCoalescer roomData) {
    this.name = name;
    this.clock = clock;
    this.fanout = fanout;
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
    if (members.containsKey(member.key())) {
      return JoinOutcome.NAME_TAKEN;
    }
    List<Peer> others = peers;
    members.put(member.key(), member);
    peers = peersOf(members);
    member.peer().send(notice("Welcome!", null));
    fanout.send(notice(member.username() + " has joined!", ++lastId), others);
    member.peer().send(roomData());
    roomData.changed(this, others);
    return JoinOutcome.JOINED;
  }

  synchronized boolean isNameTaken(String nameKey) {
    return members.containsKey(nameKey);
  }

  /** Greets a member that joined again under the same name: Welcome and room data, to it only. */
  synchronized void greetAgain(Member member) {
    member.peer().send(notice("Welcome!", null));
    member.peer().send(roomData());
  }

  /**
   * Removes the member and tells the others. Returns true when the room is now empty and closed: it takes no
   * more joins, and the registry drops it.
   */
  synchronized boolean leave(Member member) {
    if (members.get(member.key()) != member) {
      return closed;
    }
    members.remove(member.key());
    peers = peersOf(members);
    if (members.isEmpty()) {
      closed = true;
      return true;
    }
    fanout.send(notice(member.username() + " has left!", ++lastId), peers);
    roomData.changed(this, peers);
    return false;
  }

  /** Sends a member's text to the whole room, the sender included. False if it is no longer a member. */
  synchronized boolean post(Member sender, String text) {
    if (members.get(sender.key()) != sender) {
      return false;
    }
    fanout.send(new ChatMessage(++lastId, sender.username(), text, clock.millis(), false), peers);
    return true;
  }

  /** Shares a member's position with the whole room. False if it is no longer a member. */
  synchronized boolean postLocation(Member sender, double latitude, double longitude) {
    if (members.get(sender.key()) != sender) {
      return false;
    }
    String url = MessageValidator.mapUrl(latitude, longitude);
    fanout.send(
        new LocationMessage(++lastId, sender.username(), latitude, longitude, url, clock.millis()), peers);
    return true;
  }

  /** Sends the current user list to everyone; the coalescer calls this once per burst of changes. */
  synchronized void flushRoomData() {
    if (!closed) {
      fanout.send(roomData(), peers);
    }
  }

  synchronized ActiveRooms.Room summary() {
    return new ActiveRooms.Room(name, members.size());
  }

  synchronized List<String> usernames() {
    return members.values().stream().map(Member::username).toList();
  }

  synchronized RoomData roomData() {
    List<RoomUser> users = new ArrayList<>(members.size());
    for (Member member : members.values()) {
      users.add(new RoomUser(member.username()));
    }
    return new RoomData(name, users);
  }

  private ServerMessage notice(String text, Long id) {
    return new ChatMessage(id, ADMIN, text, clock.millis(), true);
  }

  private static List<Peer> peersOf(Map<String, Member> members) {
    List<Peer> list = new ArrayList<>(members.size());
    for (Member member : members.values()) {
      list.add(member.peer());
    }
    return List.copyOf(list);
  }
}
