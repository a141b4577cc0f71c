package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.RoomData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rules hold when many connections act at once, each on its own thread. */
class RoomConcurrencyTest {
  private static final int THREADS = 16;

  @RegisterExtension final RoomHarness rooms = new RoomHarness();
  private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void concurrentJoinsOfOneNameHaveExactlyOneWinner() throws Exception {
    List<FakeConnection> contenders = connections();

    // Vary only the case, so the race is on the case-insensitive claim.
    List<Ack> acks = together(contenders,
        c -> c.join(contenders.indexOf(c) % 2 == 0 ? "alice" : "ALICE", "lobby"));

    assertEquals(1, acks.stream().filter(Ack::isOk).count());
    assertEquals(THREADS - 1, acks.stream().filter(a -> Rejection.NAME_IN_USE.text().equals(a.error())).count());
    assertEquals(1, rooms.service().usernames("lobby").size());
  }

  @Test
  void concurrentMessagesReachEveryMemberOnceInOneOrderOfIncreasingIds() throws Exception {
    List<FakeConnection> members = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      members.add(rooms.joined("user" + i, "lobby"));
    }
    members.forEach(m -> m.peer().clear());

    together(members, m -> {
      for (int i = 0; i < 20; i++) {
        m.say("message " + i);
      }
      return null;
    });

    List<Long> expected = ids(members.get(0));
    assertEquals(THREADS * 20, expected.size());
    for (int i = 1; i < expected.size(); i++) {
      assertEquals(expected.get(i - 1) + 1, expected.get(i), "consecutive, in delivery order");
    }
    for (FakeConnection member : members) {
      assertEquals(expected, ids(member), "every member receives the same sequence");
    }
  }

  @Test
  void concurrentJoinsAndLeavesLeaveEveryListExact() throws Exception {
    FakeConnection watcher = rooms.joined("Watcher", "lobby");
    List<FakeConnection> visitors = connections();

    together(visitors, v -> {
      String name = "visitor" + visitors.indexOf(v);
      assertTrue(v.join(name, "lobby").isOk());
      v.disconnect();
      return null;
    });

    assertEquals(List.of("Watcher"), rooms.service().usernames("lobby"));
    List<RoomData> lists = watcher.peer().delivered(RoomData.class);
    assertEquals(THREADS * 2, lists.size(), "one list per change (no delay configured)");
    assertEquals(RoomJoinRulesTest.names("Watcher"), lists.get(lists.size() - 1),
        "the last list is the room as it stands");
  }

  private List<FakeConnection> connections() {
    List<FakeConnection> connections = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      connections.add(rooms.connect());
    }
    return connections;
  }

  /** Runs the action for every connection, each on its own thread, all released at once by one latch. */
  private <T> List<T> together(List<FakeConnection> connections, Function<FakeConnection, T> action)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(connections.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> results = new ArrayList<>();
    for (FakeConnection connection : connections) {
      results.add(threads.submit(() -> {
        ready.countDown();
        go.await();
        return action.apply(connection);
      }));
    }
    assertTrue(ready.await(10, TimeUnit.SECONDS), "all threads started");
    go.countDown();
    List<T> values = new ArrayList<>();
    for (Future<T> result : results) {
      values.add(result.get(10, TimeUnit.SECONDS));
    }
    return values;
  }

  private static List<Long> ids(FakeConnection member) {
    return member.peer().delivered(ChatMessage.class).stream().map(ChatMessage::id).toList();
  }
}
