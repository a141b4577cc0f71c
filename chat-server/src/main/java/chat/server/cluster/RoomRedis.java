package chat.server.cluster;

import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/** The Redis calls of the {@link RoomFeed}: following a room's channel, posting to it, reading its log. */
final class RoomRedis {
  private static final LuaScript POST = LuaScript.named("post");
  private static final LuaScript FOLLOW = LuaScript.named("follow");
  private static final LuaScript REEPOCH = LuaScript.named("reepoch");
  /** How long a post without a client id is recognised when sent again by the client after a reconnect. */
  private static final long RESENT_WITHIN_SECONDS = 60;

  /** Where a room stood when this node began to follow it: the latest messages newest first, as stream entries. */
  record Start(String epoch, long last, List<StreamMessage<String, String>> latest) {}

  /** What a post keeps: the log's length and age, and how long a client id is remembered. */
  record Keeping(int historyLimit, Duration historyMaxAge, Duration dedupWindow) {}

  private final RedisLink link;
  private final ClusterKeys keys;
  private final Keeping keeping;

  RoomRedis(RedisLink link, ClusterKeys keys, Keeping keeping) {
    this.link = link;
    this.keys = keys;
    this.keeping = keeping;
  }

  /** Subscribes to the room's channel, then reads where the room stands (so nothing falls between). */
  CompletionStage<Start> follow(String room, int latest) {
    return link.subscriptions().async().subscribe(keys.events(room)).thenCompose(subscribed ->
        FOLLOW.<List<Object>>run(link.commands(), ScriptOutputType.MULTI,
            new String[] {keys.room(room), keys.log(room)}, Integer.toString(latest)))
        .thenApply(RoomRedis::start);
  }

  void unfollow(String room) {
    link.subscriptions().async().unsubscribe(keys.events(room));
  }

  /** Runs the post script: {@code {1, id, epoch}} for a new message, {@code {0, id}} for a repeat. */
  CompletionStage<List<Object>> post(String room, String body, String origin, String clientId, String senderKey) {
    boolean byClient = clientId != null && senderKey != null;
    // Without a client id the post's origin is its repeat check, for a minute: the Redis client re-sends what
    // was in flight when a connection dropped, and the same post must not be numbered twice.
    String sendKey = byClient ? keys.send(room, senderKey, clientId) : keys.send(room, "", origin);
    long dedupSeconds = byClient ? Math.max(1, keeping.dedupWindow().toSeconds()) : RESENT_WITHIN_SECONDS;
    return POST.run(link.commands(), ScriptOutputType.MULTI,
        new String[] {keys.room(room), keys.log(room), sendKey},
        freshEpoch(), body,
        Integer.toString(keeping.historyLimit()), Long.toString(keeping.historyMaxAge().toMillis()), origin,
        Long.toString(dedupSeconds), keys.events(room));
  }

  /** The log's entries with {@code from <= id <= to}. */
  CompletionStage<List<StreamMessage<String, String>>> read(String room, long from, long to) {
    return link.commands().xrange(keys.log(room), Range.create(LogEntry.streamId(from), LogEntry.streamId(to)));
  }

  /** Starts a new epoch for the room unless another node did since {@code known}; the epoch it has now. */
  CompletionStage<String> newEpoch(String room, String known) {
    return REEPOCH.run(link.commands(), ScriptOutputType.VALUE, new String[] {keys.room(room)}, known,
        freshEpoch());
  }

  /** The room's last id, or null for a room Redis does not know. */
  CompletionStage<String> lastId(String room) {
    return link.commands().hget(keys.room(room), "last");
  }

  private static String freshEpoch() {
    return Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  }

  private static Start start(List<Object> reply) {
    String epoch = (String) reply.get(0);
    long last = (Long) reply.get(1);
    List<StreamMessage<String, String>> latest = new ArrayList<>();
    for (int i = 2; i + 2 < reply.size(); i += 3) {
      latest.add(new StreamMessage<>("", (String) reply.get(i),
          Map.of("m", (String) reply.get(i + 1), "o", (String) reply.get(i + 2))));
    }
    return new Start(epoch.isEmpty() ? null : epoch, last, latest);
  }
}
