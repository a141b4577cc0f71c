package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.RoomData;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class RoomDataCoalescingTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aBurstOfJoinsSendsExistingMembersOneFinalUserList() {
    try (RoomHarness rooms = new RoomHarness("500")) {
      FakeConnection first = rooms.joined("user0", "lobby");
      for (int i = 1; i < 50; i++) {
        rooms.connect().join("user" + i, "lobby");
      }

      first.peer().awaitDeliveredRoomData(list -> list.users().size() == 50, WAIT);
      assertEquals(1, first.peer().delivered(RoomData.class).size(), "one list for the whole burst");
    }
  }

  @Test
  void continuousChurnStillSendsListsBeforeItEnds() {
    try (RoomHarness rooms = new RoomHarness("300")) {
      FakeConnection first = rooms.joined("user0", "lobby");
      for (int i = 1; i <= 100; i++) {
        // Never quiet for 300 ms: only the maximum wait (300 ms + 1 ms a member) sends.
        rooms.connect().join("user" + i, "lobby");
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
      long listsDuringChurn = first.peer().delivered(RoomData.class).size();

      assertTrue(listsDuringChurn >= 2, "at least two lists while the room kept changing, got "
          + listsDuringChurn);
      first.peer().awaitDeliveredRoomData(list -> list.users().size() == 101, WAIT);
    }
  }

  @Test
  void everyJoinerGetsTheFullListAtOnce() {
    try (RoomHarness rooms = new RoomHarness("500")) {
      rooms.joined("a", "lobby");
      FakeConnection second = rooms.connect();
      second.join("b", "lobby");

      RoomData own = (RoomData) second.peer().sent().get(2);
      assertEquals(2, own.users().size());
    }
  }

  @Test
  void withNoDelayEveryChangeIsSentAtOnce() {
    try (RoomHarness rooms = new RoomHarness("0")) {
      FakeConnection first = rooms.joined("a", "lobby");
      rooms.joined("b", "lobby");
      rooms.joined("c", "lobby");

      assertEquals(2, first.peer().delivered(RoomData.class).size(), "one list for each later join");
    }
  }
}
