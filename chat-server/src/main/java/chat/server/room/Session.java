package chat.server.room;

/**
 * One connection's place in the chat: which room it is in and under which name. The transport makes one per
 * connection; {@link RoomService} changes it under the session's lock, which is always taken before a room's.
 */
public final class Session {
  private final Peer peer;
  private final String from;
  private Room room;
  private Member member;
  private boolean closed;
  private final RequestQueue requests = new RequestQueue();

  /** {@code from} says where the connection comes from, for the logs (e.g. {@code 127.0.0.1:53211}). */
  public Session(Peer peer, String from) {
    this.peer = peer;
    this.from = from;
  }

  /** The session's requests in arrival order (its own lock, not the session's). */
  RequestQueue requests() {
    return requests;
  }

  public Peer peer() {
    return peer;
  }

  String from() {
    return from;
  }

  /** True once the session has joined a room (and not left it). */
  public synchronized boolean hasJoined() {
    return room != null;
  }

  synchronized Room room() {
    return room;
  }

  synchronized Member member() {
    return member;
  }

  synchronized void enter(Room newRoom, Member newMember) {
    this.room = newRoom;
    this.member = newMember;
  }

  synchronized void clear() {
    this.room = null;
    this.member = null;
  }

  /** Forgets the room, if it is still this session's. */
  synchronized void leftIf(Room left) {
    if (room == left) {
      clear();
    }
  }

  synchronized boolean isClosed() {
    return closed;
  }

  synchronized void markClosed() {
    closed = true;
  }
}
