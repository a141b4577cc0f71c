package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.room.RoomMessage;
import chat.server.room.Unavailable;
import chat.server.support.Await;
import chat.server.support.SharedRedis;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis client sends again what was in flight when its connection dropped: the scripts that change state
 * recognise their own second run, so nothing is numbered twice and no join is refused by its own claim; a claim
 * the node gave up on is withdrawn, so that it holds no name.
 */
class ScriptResendTest {
  @RegisterExtension static final SharedRedis REDIS = new SharedRedis();
  private RedisLink link;
  private RoomRedis rooms;
  private RedisPresence presence;

  @BeforeEach
  void connect() {
    link = RedisLink.connect(REDIS.uri());
    ClusterKeys keys = new ClusterKeys("resend-" + UUID.randomUUID().toString().substring(0, 8) + ":");
    rooms = new RoomRedis(link, keys, new RoomRedis.Keeping(100, Duration.ofDays(1), Duration.ofHours(1)));
    presence = new RedisPresence(link, keys, "node-a");
  }

  @AfterEach
  void close() {
    link.close();
  }

  @Test
  void aPostWithoutClientIdSentTwiceIsNumberedOnce() {
    List<Object> first = post("node-a.run:1", null);
    List<Object> again = post("node-a.run:1", null);
    assertEquals(1L, first.get(0), "posted");
    assertEquals(List.of(0L, first.get(1)), again, "recognised, with the first run's id");
    assertEquals(1L, post("node-a.run:2", null).get(0), "another post is new");
  }

  @Test
  void aRepeatedClientIdIsRecognisedForTheSameSenderOnly() {
    long id = (Long) rooms.post("lobby", "{}", "node-a.run:1", "cid", "alice").toCompletableFuture().join().get(1);
    assertEquals(List.of(0L, id), rooms.post("lobby", "{}", "node-a.run:2", "cid", "alice").toCompletableFuture()
        .join());
    assertEquals(1L, rooms.post("lobby", "{}", "node-a.run:3", "cid", "bob").toCompletableFuture().join().get(0));
  }

  @Test
  void aClaimSentTwiceFindsItsOwnSeatAndAnotherClaimIsRefused() {
    long position = presence.claimScript("lobby", "alice", "Alice", "", "claim:1").toCompletableFuture().join();
    assertTrue(position > 0);
    assertEquals(position, presence.claimScript("lobby", "alice", "Alice", "", "claim:1").toCompletableFuture()
        .join(), "the same claim again: its own seat");
    assertEquals(0L, presence.claimScript("lobby", "alice", "Alice", "", "claim:2").toCompletableFuture().join(),
        "another claim of the name: taken");
  }

  @Test
  void aClaimIsUniqueIgnoringCase() {
    assertTrue(presence.claim("lobby", "Alice"));
    assertFalse(presence.claim("lobby", "ALICE"));
    assertTrue(presence.isClaimed("lobby", "alice"));
  }

  @Test
  void aClaimWhoseReplyCameTooLateIsWithdrawnSoTheNameIsFreeAgain() throws IOException {
    // Redis holds the claim past the client's timeout, then runs it: the node has refused the join meanwhile.
    REDIS.command("CLIENT PAUSE 2000 WRITE");
    assertThrows(Unavailable.class, () -> presence.claim("lobby", "Alice"));
    // A claim refused meanwhile takes nothing; once the withdrawal has run, the name is free.
    Await.until("the name is free again", () -> presence.claim("lobby", "Alice"));
    assertFalse(presence.claim("lobby", "ALICE"), "and then taken by the one claim that got it");
  }

  @Test
  void aClaimWithdrawnBeforeRedisRanItTakesNothing() {
    presence.withdraw("lobby", "alice", "claim:late").toCompletableFuture().join();
    assertEquals(0L, presence.claimScript("lobby", "alice", "Alice", "", "claim:late").toCompletableFuture().join());
    assertTrue(presence.claimScript("lobby", "alice", "Alice", "", "claim:next").toCompletableFuture().join() > 0,
        "another claim of the name: free");
  }

  private List<Object> post(String origin, String clientId) {
    return rooms.post("lobby", new chat.protocol.ProtocolCodec().encode(
        new RoomMessage.Text("Admin", "x", 0, true).withId(0)), origin, clientId, null).toCompletableFuture().join();
  }
}
