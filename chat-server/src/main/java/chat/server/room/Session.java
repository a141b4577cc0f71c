package chat.server.room;

/**
 * One connection's place in the chat: which room it is in and under which name. The transport makes one per
 * connection; {@link RoomService} changes it under the session's lock, which is always taken before a room's.
 */
public final class Session {
  private final Peer peer;
  private Room room;
  private Member member;
  private boolean closed;

  public Session(Peer peer) {
    this.peer = peer;
  }

  public Peer peer() {
    return peer;
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

  synchronized boolean isClosed() {
    return closed;
  }

  synchronized void markClosed() {
    closed = true;
  }
}
