package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.RoomData;
import chat.server.config.ServerConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomDataCoalescingTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aBurstOfJoinsSendsExistingMembersOneFinalUserList() {
    RoomService service = service("500");
    RecordingPeer first = join(service, "user0");
    for (int i = 1; i < 50; i++) {
      join(service, "user" + i);
    }

    List<RoomData> lists = first.awaitRoomDataWithUsers(50);
    assertEquals(2, lists.size(), "its own list on joining, then one list for the whole burst");
  }

  @Test
  void continuousChurnStillSendsListsBeforeItEnds() {
    RoomService service = service("300");
    RecordingPeer first = join(service, "user0");
    for (int i = 1; i <= 100; i++) {
      join(service, "user" + i); // never quiet for 300 ms: only the maximum wait (300 ms + 1 ms a member) sends
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    long listsDuringChurn = first.received.stream().filter(m -> m instanceof RoomData).count();

    assertTrue(listsDuringChurn >= 3, "its own list and at least two while the room kept changing, got "
        + listsDuringChurn);
    first.awaitRoomDataWithUsers(101);
  }

  @Test
  void everyJoinerGetsTheFullListAtOnce() {
    RoomService service = service("500");
    join(service, "a");
    RecordingPeer second = join(service, "b");

    RoomData own = (RoomData) second.received.stream().filter(m -> m instanceof RoomData).findFirst().orElseThrow();
    assertEquals(2, own.users().size());
  }

  @Test
  void withNoDelayEveryChangeIsSentAtOnce() {
    RoomService service = service("0");
    RecordingPeer first = join(service, "a");
    join(service, "b");
    join(service, "c");

    assertEquals(3, first.received.stream().filter(m -> m instanceof RoomData).count());
  }

  private RoomService service(String delayMillis) {
    ServerConfig config = ServerConfig.parse(new String[0], Map.of("ROOM_DATA_DELAY", delayMillis));
    Fanout fanout = (message, peers) -> peers.forEach(p -> p.send(message));
    return new RoomService(config, Clock.systemUTC(), fanout, scheduler);
  }

  private static RecordingPeer join(RoomService service, String name) {
    RecordingPeer peer = new RecordingPeer();
    service.handle(new Session(peer), new chat.protocol.ClientMessage.Join(1, name, "lobby"));
    return peer;
  }

  private static final class RecordingPeer implements Peer {
    final List<ServerMessage> received = new CopyOnWriteArrayList<>();

    @Override
    public void send(ServerMessage message) {
      received.add(message);
    }

    @Override
    public void deliver(ServerMessage message) {
      received.add(message);
    }

    List<RoomData> awaitRoomDataWithUsers(int users) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (received.stream().noneMatch(m -> m instanceof RoomData d && d.users().size() == users)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no roomData with " + users + " users: " + received);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
      return received.stream().filter(m -> m instanceof RoomData).map(m -> (RoomData) m).toList();
    }
  }
}
