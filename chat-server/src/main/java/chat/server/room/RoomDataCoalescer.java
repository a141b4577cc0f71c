package chat.server.room;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends a room's user list to its existing members once its membership has been still for a short quiet period
 * (25 ms + 0.03 ms a member by default), and during continuous churn at least once per maximum wait (another
 * 1 ms a member). A joiner always gets the full list at once
 * (before its ack); the others get the latest list later. Without this, 1,000 users joining one room cost a
 * million roomData deliveries (docs/decisions/0002-coalesced-room-data.md). The maximum wait grows with the
 * room: a list is sent to every member and is as long as the room, so its cost grows with the square of the
 * room's size (1,000 users: 25 KB to each of 1,000 members per list), and in a big room a new list at most once
 * a second still keeps every sidebar current while the "has joined!" notices arrive at once. The list goes out
 * through the room ({@link Room#flushRoomData}), in its sequence, and so through its bus.
 */
final class RoomDataCoalescer {
  /**
   * The quiet period grows by this per member: writing a big room's list stalls the server for a moment (1,000
   * members: 25 MB), and a fixed quiet period would count that stall as quiet and send the next list at once.
   */
  static final long QUIET_NANOS_PER_MEMBER = TimeUnit.MICROSECONDS.toNanos(30);

  /** The longest a changing room waits for a list, per member, on top of the quiet period. */
  static final long MAX_WAIT_NANOS_PER_MEMBER = TimeUnit.MILLISECONDS.toNanos(1);

  /** A room's run of changes not yet sent; {@code lastChangeNanos} moves on with every change. */
  private static final class Burst {
    private final long quietNanos;
    private final long deadlineNanos;
    private volatile long lastChangeNanos;

    Burst(long now, long quietNanos, long maxWaitNanos) {
      this.quietNanos = quietNanos;
      this.deadlineNanos = now + maxWaitNanos;
      this.lastChangeNanos = now;
    }
  }

  private final long quietNanos;
  private final ScheduledExecutorService scheduler;
  private final Map<Room, Burst> pending = new ConcurrentHashMap<>();

  RoomDataCoalescer(Duration quiet, ScheduledExecutorService scheduler) {
    this.quietNanos = quiet.toNanos();
    this.scheduler = scheduler;
  }

  /**
   * Called in the room's sequence after its membership changed, while the room's bus reaches just the
   * {@code others} that need the new list (a joiner subscribes after this, with its own list).
   */
  void changed(Room room, int others) {
    if (others == 0) {
      return;
    }
    if (quietNanos == 0) {
      room.publishRoomData(); // in the sequence already
      return;
    }
    long now = System.nanoTime();
    Burst burst = pending.get(room);
    if (burst != null) {
      burst.lastChangeNanos = now;
    } else {
      long quiet = quietNanos + others * QUIET_NANOS_PER_MEMBER;
      burst = new Burst(now, quiet, quiet + others * MAX_WAIT_NANOS_PER_MEMBER);
      pending.put(room, burst);
      schedule(room, burst, quiet);
    }
  }

  /** Sends the list once the room was quiet long enough or the burst's deadline came; otherwise looks again. */
  private void check(Room room, Burst burst) {
    long now = System.nanoTime();
    long due = Math.min(burst.lastChangeNanos + burst.quietNanos, burst.deadlineNanos);
    if (now < due) {
      schedule(room, burst, due - now);
      return;
    }
    // A change from here on starts a new burst; this flush already sends everything before it.
    pending.remove(room, burst);
    room.flushRoomData();
  }

  private void schedule(Room room, Burst burst, long nanos) {
    try {
      scheduler.schedule(() -> check(room, burst), nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      pending.remove(room, burst); // shutting down: nobody is left to send the list to
    }
  }
}
