package chat.server.room;

import chat.protocol.RoomUser;
import chat.protocol.ErrorCode;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.RoomData;
import chat.server.metrics.RequestKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One room's rules: who holds which seat, and what a join, a return, a leave, a message or a position sends, and
 * to whom. Seats change under the room's lock; what members receive happens in the room's sequence in the
 * {@link RoomLog} (after the message is stored), so ids reach every member in order and a joiner's history
 * meets its live messages without a gap or an overlap. Who is in the room is the {@link Presence}'s, delivery
 * the {@link RoomBus}'s. Rooms never share a lock.
 */
final class Room {
  static final String ADMIN = "Admin";

  private final String name;
  private final RoomParts parts;
  private final Consumer<Room> emptied;
  private final Map<String, Seat> seats = new LinkedHashMap<>();
  private final RoomGreeter greeter;
  private boolean closed;

  /** {@code emptied} is told once, when the last seat is given up and the room takes no more joins. */
  Room(String name, RoomParts parts, Consumer<Room> emptied) {
    this.name = name;
    this.parts = parts;
    this.emptied = emptied;
    this.greeter = new RoomGreeter(name, parts, this::roomData);
  }

  String name() {
    return name;
  }

  enum JoinOutcome { JOINED, NAME_TAKEN, CLOSED }

  /** Takes a new seat; once the joined notice is stored the joiner is greeted and the others told. */
  synchronized JoinOutcome join(Session session, Member member, JoinAsk ask) {
    if (closed) {
      return JoinOutcome.CLOSED;
    }
    if (!parts.presence().claim(name, member.username())) {
      return JoinOutcome.NAME_TAKEN;
    }
    Seat seat = new Seat(member.username(), member.key(), parts.seatPositions().incrementAndGet());
    seats.put(seat.key, seat);
    String token = hold(seat, session, member);
    parts.log().append(name, notice(member.username() + " has joined!"), null, new RoomLog.Outcome() {
      @Override
      public void posted(ServerMessage message, long id) {
        greeter.greet(member.peer(), ask, token, message, Room.this);
      }

      @Override
      public void repeated(long id) {
        throw new IllegalStateException("a notice carries no client id");
      }

      @Override
      public void failed() {
        parts.metrics().refused(RequestKind.JOIN, ErrorCode.UNAVAILABLE);
        member.peer().send(Rejection.COULD_NOT_SAVE.ack(ask.ref()));
        runLater(() -> {
          synchronized (session) { // the session's lock comes before the room's
            undoJoin(session, seat);
          }
        });
      }
    });
    return JoinOutcome.JOINED;
  }

  /**
   * Gives the seat of {@code key} to the session without telling anybody, when {@code tokenHash} is its token's
   * (or, with a null hash, when the session holds it already: a repeated join). The previous holder, if still
   * connected, is closed. False when there is no such seat or the token is not its.
   */
  synchronized boolean rejoin(Session session, Member member, String tokenHash, JoinAsk ask) {
    Seat seat = seats.get(member.key());
    if (closed || seat == null || !(tokenHash == null ? seat.isHeldBy(session) : tokenHash.equals(seat.tokenHash))) {
      return false;
    }
    Member previous = seat.member;
    if (previous != null && seat.holder != session) {
      previous.peer().close("Your chat continues on a newer connection");
    }
    seat.cancelExpiry();
    // The seat keeps the name as it was taken (the list shows it so), whatever the case of this join.
    Member returning = new Member(seat.username, seat.key, member.peer());
    String token = hold(seat, session, returning);
    parts.log().run(name, () -> {
      if (previous != null) {
        parts.bus().unsubscribe(name, previous.peer());
      }
      greeter.greet(returning.peer(), ask, token, null, this);
    });
    return true;
  }

  /**
   * The session's user goes. {@code dropped}: its connection was lost, so the seat is held for the grace and
   * nobody is told yet. Nothing happens when the session no longer holds the seat (it was taken over).
   */
  synchronized void leave(Session session, Member member, boolean dropped, String why) {
    Seat seat = seats.get(member.key());
    if (seat == null || !seat.isHeldBy(session)) {
      return;
    }
    parts.log().run(name, () -> parts.bus().unsubscribe(name, member.peer()));
    if (dropped && !parts.reconnectGrace().isZero()) {
      seat.holder = null;
      seat.member = null;
      ActivityLog.dropped(seat.username, name, why, parts.reconnectGrace().toSeconds());
      holdFor(seat, why);
      return;
    }
    free(seat, why);
  }

  /** A seat kept by the store when the server stopped: held for the grace from now. */
  synchronized boolean restore(HeldSeat kept) {
    if (closed || !parts.presence().claim(name, kept.username())) {
      return false;
    }
    Seat seat = new Seat(kept.username(), kept.userKey(), kept.position());
    seat.tokenHash = kept.tokenHash();
    seats.put(seat.key, seat);
    holdFor(seat, "server restarted");
    return true;
  }

  /** Sends a member's text to the whole room, the sender included. False when the session has no seat here. */
  synchronized boolean post(Session session, Member sender, RoomMessage message, long ref) {
    Seat seat = seats.get(sender.key());
    if (closed || seat == null || !seat.isHeldBy(session)) {
      return false;
    }
    parts.log().append(name, message, sender.key(), new PostOutcome(name, parts, sender.peer(), ref));
    return true;
  }

  /** Sends the current user list to everyone; the coalescer calls this, from any thread, once per burst. */
  void flushRoomData() {
    parts.log().run(name, this::publishRoomData);
  }

  /** In the room's sequence: the current user list to every member. */
  void publishRoomData() {
    parts.bus().publish(name, roomData());
  }

  private String hold(Seat seat, Session session, Member member) {
    String token = parts.tokens().issue();
    seat.holder = session;
    seat.member = member;
    seat.tokenHash = ResumeTokens.hash(token);
    session.enter(this, member);
    parts.log().seatTaken(seat.kept(name));
    return token;
  }

  private void holdFor(Seat seat, String why) {
    try {
      seat.expiry = parts.scheduler().schedule(() -> runLater(() -> expire(seat, why)),
          parts.reconnectGrace().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Stopping: the seat stays in the store, and the next start holds it again.
    }
  }

  private synchronized void expire(Seat seat, String why) {
    if (seats.get(seat.key) == seat && seat.holder == null) {
      free(seat, why + ", did not come back within " + parts.reconnectGrace().toSeconds() + " s");
    }
  }

  /** Gives the seat up and posts the departure. */
  private void free(Seat seat, String why) {
    seat.cancelExpiry();
    seats.remove(seat.key);
    int remaining = seats.size();
    if (!releaseClaim(seat)) {
      closeIfEmpty(remaining);
      return; // another server has the seat now, and tells the room whatever there is to tell
    }
    parts.log().seatFreed(name, seat.key);
    ActivityLog.left(seat.username, name, why);
    LeavingNotice.post(parts, name, seat.username, () -> parts.roomData().changed(this, remaining));
    closeIfEmpty(remaining);
  }

  /** False when the presence no longer had the seat as this server's (or could not be reached). */
  private boolean releaseClaim(Seat seat) {
    try {
      return parts.presence().release(name, seat.username);
    } catch (Unavailable e) {
      ActivityLog.left(seat.username, name, "could not give up the seat: " + e.getMessage());
      return false;
    }
  }

  private void closeIfEmpty(int remaining) {
    if (remaining == 0) {
      closed = true;
      emptied.accept(this);
    }
  }

  /**
   * Another server took the seat of {@code key} over (its user resumed there): it goes from here silently, and
   * a connection still holding it is closed.
   */
  synchronized void letGo(String key) {
    Seat seat = seats.remove(key);
    if (seat == null) {
      return;
    }
    seat.cancelExpiry();
    if (seat.member != null) {
      Peer peer = seat.member.peer();
      parts.log().run(name, () -> parts.bus().unsubscribe(name, peer));
      peer.close("Your chat continues on a newer connection");
    }
    closeIfEmpty(seats.size());
  }

  /** A seat that another server held, taken over with its resume token: held here until its user rejoins. */
  synchronized boolean adopt(HeldSeat kept) {
    if (closed) {
      return false;
    }
    Seat known = seats.get(kept.userKey());
    if (known != null) {
      known.tokenHash = kept.tokenHash(); // held here since before it moved away and back: the newer token counts
      return true;
    }
    Seat seat = new Seat(kept.username(), kept.userKey(), kept.position());
    seat.tokenHash = kept.tokenHash();
    seats.put(seat.key, seat);
    return true;
  }

  /** Another server changed who is here: the members here get the new list. */
  void changedElsewhere() {
    // No lock: this is called from the threads that bring Redis's answers, which must never wait for a room.
    parts.log().run(name, () -> parts.roomData().changed(this, parts.presence().usernames(name).size()));
  }

  private synchronized void undoJoin(Session session, Seat seat) {
    if (seats.get(seat.key) == seat && seat.isHeldBy(session)) {
      seats.remove(seat.key);
      parts.presence().release(name, seat.username);
      parts.log().seatFreed(name, seat.key);
      session.leftIf(this);
      if (seats.isEmpty()) {
        closed = true;
        emptied.accept(this);
      }
    }
  }

  /** Off the timer's thread (and the thread bringing an outcome): the work may wait for a lock or the seams. */
  private void runLater(Runnable task) {
    try {
      parts.waiting().execute(task);
    } catch (RejectedExecutionException e) {
      // Stopping: the seat goes with the process.
    }
  }

  private RoomData roomData() {
    List<String> usernames = parts.presence().usernames(name);
    List<RoomUser> users = new ArrayList<>(usernames.size());
    for (String username : usernames) {
      users.add(new RoomUser(username));
    }
    return new RoomData(name, users);
  }

  private RoomMessage notice(String text) {
    return new RoomMessage.Text(ADMIN, text, parts.clock().millis(), true);
  }

  /** A notice to one connection: it carries no id. */
  static ChatMessage welcome(long now) {
    return new ChatMessage(null, ADMIN, "Welcome!", now, true);
  }
}
