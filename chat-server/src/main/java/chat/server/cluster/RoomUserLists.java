package chat.server.cluster;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The newest user list of each room this node has members in, refreshed when a seat change is announced on the
 * room's channel, so the user lists its rooms send never wait on Redis.
 */
final class RoomUserLists {
  private static final LuaScript USERS = LuaScript.named("users");

  /** A room's user list as of a version of its seats. */
  private record Users(long version, List<String> names) {}

  private final RedisLink link;
  private final ClusterKeys keys;
  private final String nodeId;
  private final Map<String, Users> lists = new ConcurrentHashMap<>();
  private volatile Consumer<String> changedElsewhere = room -> {};

  RoomUserLists(RedisLink link, ClusterKeys keys, String nodeId) {
    this.link = link;
    this.keys = keys;
    this.nodeId = nodeId;
  }

  /** Told the room's name when another node changed its seats (so its members get a new list). */
  void onChangedElsewhere(Consumer<String> listener) {
    this.changedElsewhere = listener;
  }

  /** The list at hand; read from Redis (waiting, and throwing when it is away) for a room not followed. */
  List<String> usernames(String room) {
    Users users = lists.get(room);
    return users != null ? users.names() : fetch(room).names();
  }

  /** A seat change was announced on the room's channel: refresh the list when it is newer than the one held. */
  void announced(String room, long version, String byNode) {
    Users users = lists.get(room);
    if (users != null && users.version() == version) {
      return; // read already (a version that went back means Redis lost the counter: read again)
    }
    refreshAsync(room, byNode.equals(nodeId) ? null : room);
  }

  /** Keep the room's list at hand (this node has members there) or stop. */
  void track(String room, boolean tracked) {
    if (tracked) {
      refreshAsync(room, null); // answered before the posts the feed sends next: the joiner's list shows it
    } else {
      lists.remove(room);
    }
  }

  /** After this node's own change: the list it sends next must show it. */
  void refreshIfTracked(String room) {
    if (lists.containsKey(room)) {
      try {
        lists.put(room, fetch(room));
      } catch (RuntimeException e) {
        // The list stays as it was: a little stale rather than missing; the next announcement reads it again.
      }
    }
  }

  /** Redis is back: every list is read again, and its room told. */
  void refreshAll() {
    lists.keySet().forEach(room -> refreshAsync(room, room));
  }

  private void refreshAsync(String room, String tellRoom) {
    USERS.<List<Object>>run(link.commands(), ScriptOutputType.MULTI,
        new String[] {keys.names(room), keys.order(room), keys.presenceVersion(room)})
        .whenComplete((reply, error) -> {
          if (error == null) {
            keep(room, users(reply));
            if (tellRoom != null) {
              changedElsewhere.accept(tellRoom);
            }
          }
        });
  }

  private Users fetch(String room) {
    List<Object> reply = RedisCalls.await(USERS.run(link.commands(), ScriptOutputType.MULTI,
        new String[] {keys.names(room), keys.order(room), keys.presenceVersion(room)}), "list the users of #" + room);
    return users(reply);
  }

  /** A fresh read always wins: reads are answered in the order they were sent, so the last is the newest. */
  private void keep(String room, Users fresh) {
    lists.put(room, fresh);
  }

  private static Users users(List<Object> reply) {
    List<String> names = new ArrayList<>(reply.size() - 1);
    for (int i = 1; i < reply.size(); i++) {
      names.add((String) reply.get(i));
    }
    return new Users((Long) reply.get(0), List.copyOf(names));
  }
}
