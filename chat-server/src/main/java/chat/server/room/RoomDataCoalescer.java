package chat.server.room;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends a room's user list to its existing members at most once per short window. A joiner always gets the
 * full list at once (before its ack); the others get the latest list within the window. Without this, 1,000
 * users joining one room cost a million roomData deliveries (see docs/decisions/0002-coalesced-room-data.md).
 */
final class RoomDataCoalescer {
  private final long delayMillis;
  private final ScheduledExecutorService scheduler;
  private final Fanout fanout;
  private final Set<Room> pending = ConcurrentHashMap.newKeySet();

  RoomDataCoalescer(Duration delay, ScheduledExecutorService scheduler, Fanout fanout) {
    this.delayMillis = delay.toMillis();
    this.scheduler = scheduler;
    this.fanout = fanout;
  }

  /** Called under the room's lock after its membership changed; {@code others} need the new list. */
  void changed(Room room, List<Peer> others) {
    if (others.isEmpty()) {
      return;
    }
    if (delayMillis == 0) {
      fanout.send(room.roomData(), others);
    } else if (pending.add(room)) {
      scheduler.schedule(() -> flush(room), delayMillis, TimeUnit.MILLISECONDS);
    }
  }

  private void flush(Room room) {
    pending.remove(room);
    room.flushRoomData();
  }
}
