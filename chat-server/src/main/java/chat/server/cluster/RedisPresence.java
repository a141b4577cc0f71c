package chat.server.cluster;

import chat.server.room.HeldSeat;
import chat.server.room.JoinValidator;
import chat.server.room.Presence;
import chat.server.room.Unavailable;
import io.lettuce.core.ScriptOutputType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence shared by every node: a room's names, their seats' owners and join order live in Redis, changed only
 * by scripts, so of racing claims of one name on any nodes exactly one wins. The user lists of the rooms this
 * node has members in are kept at hand ({@link RoomUserLists}); the seats this node holds are remembered, to be
 * claimed again if Redis comes back without them.
 */
final class RedisPresence implements Presence {
  private static final Logger log = LoggerFactory.getLogger(RedisPresence.class);
  private static final LuaScript CLAIM = LuaScript.named("claim");
  private static final LuaScript RELEASE = LuaScript.named("release");
  private static final LuaScript TOKEN = LuaScript.named("token");
  private static final LuaScript ADOPT = LuaScript.named("adopt");

  /** A seat by its room and folded name key. */
  private record SeatRef(String room, String key) {}

  /** A seat this node holds: enough to claim it again. */
  private record OwnSeat(String username, String tokenHash) {}

  private final RedisLink link;
  private final ClusterKeys keys;
  private final String nodeId;
  private final RoomUserLists lists;
  private final Map<String, Map<String, OwnSeat>> ownSeats = new ConcurrentHashMap<>();
  /** Seats whose release failed (Redis away), with the name as typed. */
  private final Map<SeatRef, String> lateReleases = new ConcurrentHashMap<>();
  /** Claims given up on (no reply in time) that may still have run: their seats by nonce. */
  private final Map<String, SeatRef> withdrawals = new ConcurrentHashMap<>();
  private final AtomicLong claims = new AtomicLong();
  /** This node and this run of it, so that no claim's nonce is ever another's. */
  private final String claimPrefix;
  private volatile BiConsumer<String, String> releasedLate = (room, username) -> {};

  RedisPresence(RedisLink link, ClusterKeys keys, String nodeId) {
    this.link = link;
    this.keys = keys;
    this.nodeId = nodeId;
    this.lists = new RoomUserLists(link, keys, nodeId);
    this.claimPrefix = "claim:" + nodeId + "." + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + ":";
  }

  /** Told the room and name of a seat given up only once Redis was back (it posts the departure). */
  void onReleasedLate(BiConsumer<String, String> listener) {
    this.releasedLate = listener;
  }

  /** Told the room's name when another node changed its seats (so its members get a new list). */
  void onChangedElsewhere(Consumer<String> listener) {
    lists.onChangedElsewhere(listener);
  }

  @Override
  public boolean claim(String room, String username) {
    String key = JoinValidator.nameKey(username);
    String nonce = claimPrefix + claims.incrementAndGet();
    Long position;
    try {
      position = RedisCalls.await(claimScript(room, key, username, "", nonce), "take the name " + username);
    } catch (Unavailable e) {
      // Redis may run it yet (a late reply, or sent again after a reconnect): the seat nobody joined must go.
      withdraw(room, key, nonce);
      throw e;
    }
    if (position == 0) {
      return false;
    }
    ownSeats.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).put(key, new OwnSeat(username, ""));
    lists.refreshIfTracked(room);
    return true;
  }

  @Override
  public boolean release(String room, String username) {
    String key = JoinValidator.nameKey(username);
    forget(room, key);
    Object released;
    try {
      released = RedisCalls.await(releaseSeat(room, key, nodeId, ""), "give up the name " + username);
    } catch (Unavailable e) {
      // Given up again when Redis is back, and the room told then: a seat must not outlive its user.
      lateReleases.put(new SeatRef(room, key), username);
      throw e;
    }
    lists.refreshIfTracked(room);
    return released != null;
  }

  @Override
  public boolean isClaimed(String room, String username) {
    return RedisCalls.await(link.commands().hexists(keys.names(room), JoinValidator.nameKey(username)),
        "look up the name " + username);
  }

  /**
   * The newest list this node has; read from Redis when it has none (a room it does not follow). Never throws
   * for a room it follows: a user list a little behind is better than a join left without its greeting.
   */
  @Override
  public List<String> usernames(String room) {
    return lists.usernames(room);
  }

  @Override
  public SortedMap<String, Integer> headcounts() {
    Map<String, String> counts = RedisCalls.await(link.commands().hgetall(keys.headcounts()), "count the rooms");
    SortedMap<String, Integer> rooms = new TreeMap<>();
    counts.forEach((room, count) -> {
      int n = Integer.parseInt(count);
      if (n > 0) {
        rooms.put(room, n);
      }
    });
    return Collections.unmodifiableSortedMap(rooms);
  }

  @Override
  public Optional<HeldSeat> adopt(String room, String userKey, String tokenHash) {
    List<Object> seat = RedisCalls.await(ADOPT.run(link.commands(), ScriptOutputType.MULTI,
        new String[] {keys.names(room), keys.order(room), keys.owners(room), keys.tokens(room), keys.held(),
            keys.nodeSeats(nodeId)},
        userKey, tokenHash, nodeId, room, keys.events(room), keys.heartbeat("")), "take the seat back");
    if (seat == null || seat.size() < 2) { // false, from the script: no such seat, or not its token
      return Optional.empty();
    }
    String username = (String) seat.get(0);
    ownSeats.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).put(userKey, new OwnSeat(username, tokenHash));
    lists.refreshIfTracked(room);
    Object position = seat.get(1);
    return Optional.of(new HeldSeat(room, username, userKey, tokenHash,
        position == null ? 0 : (long) Double.parseDouble(String.valueOf(position))));
  }

  /** The seat's token changed: recorded so that a resume on any node can check it. */
  void tokenIssued(HeldSeat seat) {
    Map<String, OwnSeat> room = ownSeats.get(seat.room());
    if (room != null) {
      room.computeIfPresent(seat.userKey(), (key, own) -> new OwnSeat(own.username(), seat.tokenHash()));
    }
    TOKEN.run(link.commands(), ScriptOutputType.INTEGER, new String[] {keys.owners(seat.room()),
        keys.tokens(seat.room())}, seat.userKey(), nodeId, seat.tokenHash())
        .whenComplete((done, error) -> {
          if (error != null) {
            log.warn("Could not record a resume token in #{}: {}", seat.room(), RedisLink.rootMessage(error));
          }
        });
  }

  /** True while this node holds a seat in the room, a dropped connection's included. */
  boolean holdsSeatsIn(String room) {
    return ownSeats.containsKey(room);
  }

  /** Another node took the seat over: it is no longer this node's to claim again. */
  void moved(String room, String userKey) {
    forget(room, userKey);
  }

  /** A seat change was announced on the room's channel: refresh the list when it is newer than the one held. */
  void announced(String room, long version, String byNode) {
    lists.announced(room, version, byNode);
  }

  /** Keep the room's list at hand (this node has members there) or stop. */
  void track(String room, boolean tracked) {
    lists.track(room, tracked);
  }

  /**
   * Withdraws the claim: the seat it took goes, if it ran and no join has given the seat a token since; if it has
   * not run (yet), it takes nothing when it does (release.lua). Tried again when Redis is back, until it ran.
   */
  CompletionStage<Object> withdraw(String room, String key, String nonce) {
    withdrawals.put(nonce, new SeatRef(room, key));
    return releaseSeat(room, key, nodeId, nonce).whenComplete((released, error) -> {
          if (error == null) {
            withdrawals.remove(nonce);
          }
        });
  }

  /** Redis is back: claims it lost (a restart without persistence) are made again, as this node holds them. */
  void reassert() {
    withdrawals.forEach((nonce, seat) -> withdraw(seat.room(), seat.key(), nonce));
    lateReleases.forEach((seat, username) -> releaseSeat(seat.room(), seat.key(), nodeId, "")
        .thenAccept(released -> {
          lateReleases.remove(seat, username);
          if (released != null) {
            releasedLate.accept(seat.room(), username);
          }
        }));
    ownSeats.forEach((room, seats) -> seats.forEach((key, seat) ->
        claimScript(room, key, seat.username(), seat.tokenHash(), "").whenComplete((done, error) -> {
          if (error != null) {
            log.warn("Could not claim {} in #{} again: {}", seat.username(), room, RedisLink.rootMessage(error));
          }
        })));
    lists.refreshAll();
  }

  CompletionStage<Long> claimScript(String room, String key, String username, String tokenHash,
      String nonce) {
    return CLAIM.run(link.commands(), ScriptOutputType.INTEGER,
        new String[] {keys.names(room), keys.order(room), keys.owners(room), keys.tokens(room),
            keys.presenceVersion(room), keys.headcounts(), keys.positions(), keys.nodeSeats(nodeId),
            keys.withdrawnClaim(nonce)},
        key, username, nodeId, room, keys.events(room), tokenHash, nonce);
  }

  /**
   * Gives up the seat when {@code owner} still holds it ({@code ""}: a dead node's held seat); a {@code nonce}
   * withdraws that one claim instead (empty for any seat). The name as typed, or null when it was not given up.
   */
  CompletionStage<Object> releaseSeat(String room, String key, String owner, String nonce) {
    return RELEASE.run(link.commands(), ScriptOutputType.VALUE,
        new String[] {keys.names(room), keys.order(room), keys.owners(room), keys.tokens(room),
            keys.presenceVersion(room), keys.headcounts(), keys.nodeSeats(owner), keys.held(),
            keys.withdrawnClaim(nonce)},
        key, owner, room, keys.events(room), nonce);
  }

  private void forget(String room, String key) {
    ownSeats.computeIfPresent(room, (r, seats) -> {
      seats.remove(key);
      return seats.isEmpty() ? null : seats;
    });
  }
}
