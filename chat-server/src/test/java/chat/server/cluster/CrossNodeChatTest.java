package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ErrorCode;
import chat.protocol.RoomUser;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.LocationMessage;
import chat.protocol.ServerMessage.RoomData;
import chat.protocol.testing.TestClient;
import chat.server.support.ClusterOfServers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two servers on one real Redis act as one chat: what one node's user does, the other node's users see. */
class CrossNodeChatTest {
  @TempDir Path redisFiles;
  private ClusterOfServers cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = ClusterOfServers.start(redisFiles, 2, Map.of("RATE_LIMIT", "0"));
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  @Test
  void aMessageOnOneNodeReachesAMemberOnTheOther() {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    TestClient bob = cluster.joined(1, "Bob", "lobby");
    Ack ack = alice.say("hello from node 0");
    ChatMessage seen = bob.awaitMessage("hello from node 0");
    assertEquals(ack.id(), seen.id(), "the same id on both nodes");
    assertEquals("Alice", seen.username());
  }

  @Test
  void theSenderGetsItsOwnCopyBeforeItsAck() {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    cluster.joined(1, "Bob", "lobby");
    alice.drain();
    Ack ack = alice.say("mine");
    List<?> received = alice.received();
    int copy = indexOf(received, m -> m instanceof ChatMessage c && "mine".equals(c.text()));
    int acked = indexOf(received, m -> m == ack);
    assertTrue(copy >= 0 && copy < acked, "own copy first: " + received);
  }

  @Test
  void bothNodesSeeEveryMessageInOneIdOrder() {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    TestClient bob = cluster.joined(1, "Bob", "lobby");
    for (int i = 0; i < 20; i++) {
      alice.sendMessage("a" + i);
      bob.sendMessage("b" + i);
    }
    alice.awaitMessage("b19");
    alice.awaitMessage("a19");
    bob.awaitMessage("a19");
    bob.awaitMessage("b19");
    assertEquals(ids(alice), ids(bob), "the same messages in the same order, once each");
    List<Long> ids = ids(alice);
    for (int i = 1; i < ids.size(); i++) {
      assertEquals(ids.get(i - 1) + 1, ids.get(i), "consecutive ids: " + ids);
    }
  }

  @Test
  void noticesAndLocationsCrossNodesToo() {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    cluster.joined(1, "Bob", "lobby");
    alice.awaitMessage("Bob has joined!");
    TestClient bob = cluster.connect(1);
    bob.joined("Carol", "lobby");
    alice.awaitMessage("Carol has joined!");
    bob.shareLocation(51.5, -0.12);
    LocationMessage location = alice.await(LocationMessage.class, m -> "Carol".equals(m.username()));
    assertEquals(51.5, location.latitude());
  }

  @Test
  void theUserListNamesEveryoneWhateverTheirNodeInJoinOrder() {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    cluster.joined(1, "Bob", "lobby");
    TestClient carol = cluster.joined(0, "Carol", "lobby");
    RoomData users = alice.awaitUsers("Alice", "Bob", "Carol");
    assertEquals(List.of("Alice", "Bob", "Carol"), users.users().stream().map(RoomUser::username).toList());
    assertEquals(List.of("Alice", "Bob", "Carol"),
        carol.latest(RoomData.class).orElseThrow().users().stream().map(RoomUser::username).toList());
  }

  @Test
  void aLeaveOnOneNodeIsSeenOnTheOther() {
    TestClient alice = cluster.joined(0, "Alice", "lobby");
    TestClient bob = cluster.joined(1, "Bob", "lobby");
    alice.awaitUsers("Alice", "Bob");
    bob.close();
    alice.awaitMessage("Bob has left!");
    alice.awaitUsers("Alice");
  }

  @Test
  void aNameTakenOnOneNodeIsRefusedOnTheOtherInAnyCase() {
    cluster.joined(0, "Alice", "lobby");
    Ack refused = cluster.connect(1).join("ALICE", "lobby");
    assertEquals(ErrorCode.NAME_TAKEN.wireName(), refused.code());
  }

  @Test
  void theRoomsListCountsTheWholeCluster() {
    cluster.joined(0, "Alice", "lobby");
    cluster.joined(1, "Bob", "lobby");
    cluster.joined(1, "Carol", "kitchen");
    Map<String, Integer> counts = Map.of("lobby", 2, "kitchen", 1);
    for (int node = 0; node < 2; node++) {
      var rooms = cluster.node(node).rooms().activeRooms().rooms();
      rooms.forEach(room -> assertEquals((int) counts.get(room.name()), room.users(), room.name()));
      assertEquals(2, rooms.size());
    }
  }

  private static List<Long> ids(TestClient client) {
    return client.received().stream()
        .filter(m -> m instanceof ChatMessage c && !c.system() && c.id() != null)
        .map(m -> ((ChatMessage) m).id()).toList();
  }

  private static int indexOf(List<?> items, java.util.function.Predicate<Object> test) {
    for (int i = 0; i < items.size(); i++) {
      if (test.test(items.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
