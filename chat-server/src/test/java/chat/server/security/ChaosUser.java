package chat.server.security;

import chat.protocol.ServerMessage.Ack;
import chat.protocol.testing.TestClient;
import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * One well-behaved user in the chaos test: joins, talks, shares its position, switches rooms and reconnects at
 * random, and at the end either stays (the returned state says where) or leaves. Every ack must be one the
 * rules allow: success, or "Username is in use!" while its own previous connection is still being cleared.
 */
final class ChaosUser implements Callable<ChaosUser.Outcome> {
  /** Where the user ended: still connected in {@code room} (null if in none), or gone. */
  record Outcome(String username, String room, TestClient client, String lastRoom) {
    boolean connected() {
      return client != null;
    }
  }

  private static final String IN_USE = "Username is in use!";
  private static final String JOIN_FIRST = "Join a room first";

  private final URI uri;
  private final String username;
  private final List<String> rooms;
  private final Random random;
  private TestClient client;
  private String room;
  private String lastRoom;

  ChaosUser(URI uri, String username, List<String> rooms, long seed) {
    this.uri = uri;
    this.username = username;
    this.rooms = rooms;
    this.random = new Random(seed);
  }

  @Override
  public Outcome call() {
    client = TestClient.connect(uri);
    for (int step = 0; step < 12; step++) {
      act(random.nextInt(10), step);
    }
    if (random.nextBoolean()) {
      return new Outcome(username, room, client, lastRoom);
    }
    client.close();
    return new Outcome(username, null, null, lastRoom);
  }

  private void act(int choice, int step) {
    if (choice < 4) {
      String target = rooms.get(random.nextInt(rooms.size()));
      Ack ack = client.join(username, target);
      expect(ack, IN_USE);
      if (ack.isOk()) {
        room = target;
        lastRoom = target;
      }
    } else if (choice < 7) {
      expect(client.say(username + " says " + step), room == null ? JOIN_FIRST : null);
    } else if (choice < 8) {
      expect(client.shareLocation(51.5 + random.nextDouble(), -0.12), room == null ? JOIN_FIRST : null);
    } else if (choice < 9) {
      client.close();
      client = TestClient.connect(uri);
      room = null;
    } else {
      client.sendRaw("{\"type\":\"sendMessage\",\"ref\":\"not a number\"}");
    }
  }

  private void expect(Ack ack, String allowedError) {
    if (!ack.isOk() && !ack.error().equals(allowedError)) {
      throw new AssertionError(username + " got an unexpected ack: " + ack);
    }
  }
}
