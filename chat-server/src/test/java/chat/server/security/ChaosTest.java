package chat.server.security;

import chat.server.support.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ActiveRooms;
import chat.protocol.RoomUser;
import chat.protocol.ServerMessage.RoomData;
import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 200 clients at once: 170 users joining, talking, switching rooms, reconnecting and leaving, and 30 attackers
 * sending garbage, oversized messages, giant frame headers and endless fragments. Afterwards the server's idea
 * of who is where must match exactly who is still connected, seen from the server, from the users' last user
 * lists and from a newcomer; no name may stay taken; and nothing unexpected may have gone wrong.
 */
class ChaosTest {
  private static final int USERS = 170;
  private static final int ATTACKERS = 30;
  private static final List<String> ROOMS = List.of("alpha", "beta", "gamma", "delta", "epsilon");
  private static final Duration SETTLE = Duration.ofSeconds(20);

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void afterTwoHundredClientsMisbehaveTheRoomsMatchWhoIsConnected() throws Exception {
    long seed = System.nanoTime();
    try (ChatServer server = Servers.start()) {
      ExecutorService pool = Executors.newCachedThreadPool();
      List<ChaosUser.Outcome> outcomes = new ArrayList<>();
      List<String> attackerNames = new ArrayList<>();
      try {
        List<Future<ChaosUser.Outcome>> users = new ArrayList<>();
        List<Future<String>> attackers = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
          users.add(pool.submit(new ChaosUser(server.wsUri(), "user" + i, ROOMS, seed + i)));
        }
        ChaosAttacker.Kind[] kinds = ChaosAttacker.Kind.values();
        for (int i = 0; i < ATTACKERS; i++) {
          attackers.add(pool.submit(new ChaosAttacker(server.wsUri(), server.wsPort(), "mallory" + i,
              ROOMS.get(i % ROOMS.size()), kinds[i % kinds.length])));
        }
        for (Future<ChaosUser.Outcome> user : users) {
          outcomes.add(user.get(45, TimeUnit.SECONDS));
        }
        for (Future<String> attacker : attackers) {
          attackerNames.add(attacker.get(45, TimeUnit.SECONDS));
        }

        Map<String, Set<String>> expected = expectedRooms(outcomes);
        Await.until("the server's rooms match who is connected (seed " + seed + ")", SETTLE,
            () -> serverRooms(server).equals(expected));
        assertUsersSeeTheirRoomsAsTheyAre(outcomes, expected);
        assertNewcomersSeeTheRoomsAsTheyAre(server, expected);
        assertNamesOfThoseWhoLeftAreFree(server, outcomes, attackerNames);
        assertEquals(200, RawHttp.request(server.httpPort(), "GET", "/healthz").status());
        assertEquals(0, server.unexpectedErrors(), "unexpected errors in the server log");
      } finally {
        outcomes.stream().filter(ChaosUser.Outcome::connected).forEach(o -> o.client().close());
        pool.shutdownNow();
      }
    }
  }

  private static Map<String, Set<String>> expectedRooms(List<ChaosUser.Outcome> outcomes) {
    return outcomes.stream().filter(o -> o.connected() && o.room() != null)
        .collect(Collectors.groupingBy(ChaosUser.Outcome::room,
            Collectors.mapping(ChaosUser.Outcome::username, Collectors.toSet())));
  }

  private static Map<String, Set<String>> serverRooms(ChatServer server) {
    Map<String, Set<String>> rooms = new HashMap<>();
    for (ActiveRooms.Room room : server.rooms().activeRooms().rooms()) {
      rooms.put(room.name(), new HashSet<>(server.rooms().usernames(room.name())));
    }
    return rooms;
  }

  /** Every user still in a room got, as its latest user list, exactly the room's real members. */
  private static void assertUsersSeeTheirRoomsAsTheyAre(List<ChaosUser.Outcome> outcomes,
      Map<String, Set<String>> expected) {
    for (ChaosUser.Outcome outcome : outcomes) {
      if (outcome.connected() && outcome.room() != null) {
        Set<String> members = expected.get(outcome.room());
        Await.until(outcome.username() + " sees " + outcome.room() + " as it is", SETTLE,
            () -> usernames(outcome.client().latest(RoomData.class).orElse(null)).equals(members));
      }
    }
  }

  private static void assertNewcomersSeeTheRoomsAsTheyAre(ChatServer server, Map<String, Set<String>> expected) {
    for (String room : ROOMS) {
      try (TestClient newcomer = TestClient.connect(server.wsUri())) {
        // join, not joined: the newcomer's own user list comes before its ack and must stay unread.
        assertTrue(newcomer.join("Newcomer", room).isOk(), "Newcomer could not join " + room);
        Set<String> members = new HashSet<>(expected.getOrDefault(room, Set.of()));
        members.add("Newcomer");
        assertEquals(members, usernames(newcomer.await(RoomData.class, data -> true)), room);
      }
      Await.until("the newcomer left " + room, SETTLE,
          () -> !server.rooms().usernames(room).contains("Newcomer"));
    }
  }

  private static void assertNamesOfThoseWhoLeftAreFree(ChatServer server, List<ChaosUser.Outcome> outcomes,
      List<String> attackerNames) {
    List<String[]> gone = new ArrayList<>();
    outcomes.stream().filter(o -> !o.connected() && o.lastRoom() != null)
        .forEach(o -> gone.add(new String[] {o.username(), o.lastRoom()}));
    for (int i = 0; i < attackerNames.size(); i++) {
      gone.add(new String[] {attackerNames.get(i), ROOMS.get(i % ROOMS.size())});
    }
    for (String[] user : gone) {
      try (TestClient again = TestClient.connect(server.wsUri())) {
        assertTrue(again.join(user[0], user[1]).isOk(), user[0] + " is still taken in " + user[1]);
      }
    }
  }

  private static Set<String> usernames(RoomData data) {
    return data == null ? null : data.users().stream().map(RoomUser::username).collect(Collectors.toSet());
  }
}
