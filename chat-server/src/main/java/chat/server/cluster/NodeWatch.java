package chat.server.cluster;

import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node alive in the cluster and watches the others. A heartbeat key with a short TTL says a node
 * lives; when one expires (the node was killed), the first survivor to notice declares it dead, and its seats
 * are held for their users for the reconnect grace: a user who resumes on any node takes its seat back, the
 * others are given up when the grace ends, and whoever gives a seat up tells the room "has left!" (the release
 * is atomic, so exactly one node does). A node that stalled past its TTL finds itself declared dead when it
 * wakes, and restarts its connections so their clients resume elsewhere, or here, as new.
 */
final class NodeWatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NodeWatch.class);
  private static final LuaScript HEARTBEAT = LuaScript.named("heartbeat");
  private static final LuaScript REAP = LuaScript.named("reap");
  /** A node not heard of for this long is dead: survivors notice within TTL + one check. */
  static final Duration TTL = Duration.ofSeconds(6);
  static final Duration BEAT = Duration.ofSeconds(2);
  static final Duration CHECK = Duration.ofSeconds(1);
  /** Held seats given up per check, so one check stays short even after a big node died. */
  private static final int EXPIRIES_PER_CHECK = 200;

  private final RedisLink link;
  private final ClusterKeys keys;
  private final String nodeId;
  private final Duration grace;
  private final ScheduledExecutorService timer;
  private final RedisPresence presence;
  private volatile BiConsumer<String, String> seatGivenUp = (room, username) -> {};
  private volatile Runnable declaredDead = () -> {};
  /** When this node last found Redis again: nobody's missing heartbeat counts until all could beat since. */
  private volatile long reachableSinceNanos = System.nanoTime();
  private volatile boolean closing;

  NodeWatch(RedisLink link, ClusterKeys keys, String nodeId, Duration grace, RedisPresence presence,
      ScheduledExecutorService timer) {
    this.link = link;
    this.keys = keys;
    this.nodeId = nodeId;
    this.grace = grace;
    this.presence = presence;
    this.timer = timer;
  }

  /** Told the room and the name of each held seat this node gave up (it posts the departure). */
  void onSeatGivenUp(BiConsumer<String, String> listener) {
    this.seatGivenUp = listener;
  }

  /** Told when this node finds it was declared dead (it should restart its connections). */
  void onDeclaredDead(Runnable listener) {
    this.declaredDead = listener;
  }

  /** A start is a new life: whatever an earlier run under this id was declared, this one is alive. */
  void start() {
    link.onReconnected(() -> reachableSinceNanos = System.nanoTime());
    RedisCalls.await(link.commands().del(keys.dead(nodeId)), "register node " + nodeId);
    RedisCalls.await(beat(), "register node " + nodeId);
    timer.scheduleWithFixedDelay(this::beatQuietly, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(this::check, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stopping cleanly: this node's seats are held for their users at once, not after its TTL. */
  @Override
  public void close() {
    closing = true; // no beat may register this node again after it handed its seats over
    try {
      RedisCalls.await(reap(nodeId, true), "hand over the seats of node " + nodeId);
    } catch (RuntimeException e) {
      log.warn("Could not hand this node's seats over; the others will when its heartbeat expires: {}",
          e.getMessage());
    }
  }

  private CompletionStage<Long> beat() {
    return HEARTBEAT.run(link.commands(), ScriptOutputType.INTEGER,
        new String[] {keys.heartbeat(nodeId), keys.nodes(), keys.dead(nodeId)}, nodeId,
        Long.toString(TTL.toMillis()));
  }

  private void beatQuietly() {
    if (closing) {
      return;
    }
    beat().whenComplete((alive, error) -> {
      link.answered(error == null);
      if (error == null && alive == 0 && !closing) {
        log.error("This node ({}) was declared dead by the others (it stalled past its {} s heartbeat);"
            + " restarting its connections so their clients resume", nodeId, TTL.toSeconds());
        declaredDead.run();
        link.commands().del(keys.dead(nodeId)).thenCompose(deleted -> beat());
      }
    });
  }

  private void check() {
    if (closing || System.nanoTime() - reachableSinceNanos < TTL.plus(BEAT).plus(BEAT).toNanos()) {
      return; // after an outage every heartbeat lapsed: the others must have had time to beat again
    }
    long stale = System.currentTimeMillis() - TTL.toMillis();
    link.commands().zrangebyscore(keys.nodes(), Range.create(Double.NEGATIVE_INFINITY, (double) stale))
        .thenAccept(this::reapAll);
    link.commands().zrangebyscore(keys.held(), Range.create(Double.NEGATIVE_INFINITY,
        (double) System.currentTimeMillis()), io.lettuce.core.Limit.from(EXPIRIES_PER_CHECK))
        .thenAccept(seats -> seats.forEach(this::giveUp));
  }

  private void reapAll(List<String> candidates) {
    for (String node : candidates) {
      if (!node.equals(nodeId)) {
        reap(node, false).thenAccept(held -> {
          if (held >= 0) {
            log.warn("Node {} stopped answering; holding its {} seats for {} s", node, held, grace.toSeconds());
          }
        });
      }
    }
  }

  private CompletionStage<Long> reap(String node, boolean self) {
    return REAP.run(link.commands(), ScriptOutputType.INTEGER, new String[] {keys.heartbeat(node), keys.nodes(),
        keys.dead(node), keys.nodeSeats(node), keys.held()}, node, Long.toString(grace.toMillis()),
        keys.prefix(), self ? "1" : "0");
  }

  /** The grace of a dead node's seat ended: whoever releases it tells the room. */
  private void giveUp(String seat) {
    int newline = seat.indexOf('\n');
    String room = seat.substring(0, newline);
    String key = seat.substring(newline + 1);
    presence.releaseSeat(room, key, "", "").thenAccept(username -> {
      if (username != null) {
        seatGivenUp.accept(room, (String) username);
      }
    });
  }
}
