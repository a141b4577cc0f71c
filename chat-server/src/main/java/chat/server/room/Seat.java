package chat.server.room;

import java.util.concurrent.ScheduledFuture;

/**
 * A user's place in a room: its name, who holds it now ({@code null} while it is held for a connection that
 * dropped), the hash of its current resume token, and the timer that gives it up when the grace runs out.
 * Changed only under its room's lock.
 */
final class Seat {
  final String username;
  final String key;
  final long position;
  Session holder;
  Member member;
  String tokenHash;
  ScheduledFuture<?> expiry;

  Seat(String username, String key, long position) {
    this.username = username;
    this.key = key;
    this.position = position;
  }

  boolean isHeldBy(Session session) {
    return holder == session;
  }

  void cancelExpiry() {
    if (expiry != null) {
      expiry.cancel(false);
      expiry = null;
    }
  }

  HeldSeat kept(String room) {
    return new HeldSeat(room, username, key, tokenHash, position);
  }
}
