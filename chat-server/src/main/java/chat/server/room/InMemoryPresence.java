package chat.server.room;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Presence in this process's memory. Each room's names are an immutable snapshot replaced atomically
 * ({@link ConcurrentHashMap#compute}), so readers never lock and a room that empties is dropped in the same step
 * that released its last name, never under a concurrent claim.
 */
public final class InMemoryPresence implements Presence {
  /** One room's names: folded key to the name as claimed, in claim order. Never modified once built. */
  private record Names(Map<String, String> byKey) {
    Names with(String key, String username) {
      Map<String, String> copy = new LinkedHashMap<>(byKey);
      copy.put(key, username);
      return new Names(Collections.unmodifiableMap(copy));
    }

    Names without(String key) {
      Map<String, String> copy = new LinkedHashMap<>(byKey);
      copy.remove(key);
      return copy.isEmpty() ? null : new Names(Collections.unmodifiableMap(copy));
    }
  }

  private final Map<String, Names> rooms = new ConcurrentHashMap<>();

  @Override
  public boolean claim(String room, String username) {
    String key = JoinValidator.nameKey(username);
    boolean[] claimed = {false};
    rooms.compute(room, (name, names) -> {
      if (names == null) {
        claimed[0] = true;
        return new Names(Map.of(key, username));
      }
      if (names.byKey().containsKey(key)) {
        return names;
      }
      claimed[0] = true;
      return names.with(key, username);
    });
    return claimed[0];
  }

  @Override
  public boolean release(String room, String username) {
    String key = JoinValidator.nameKey(username);
    boolean[] released = {false};
    rooms.computeIfPresent(room, (name, names) -> {
      if (!names.byKey().containsKey(key)) {
        return names;
      }
      released[0] = true;
      return names.without(key);
    });
    return released[0];
  }

  @Override
  public boolean isClaimed(String room, String username) {
    Names names = rooms.get(room);
    return names != null && names.byKey().containsKey(JoinValidator.nameKey(username));
  }

  @Override
  public List<String> usernames(String room) {
    Names names = rooms.get(room);
    return names == null ? List.of() : List.copyOf(names.byKey().values());
  }

  @Override
  public SortedMap<String, Integer> headcounts() {
    SortedMap<String, Integer> counts = new TreeMap<>();
    rooms.forEach((room, names) -> counts.put(room, names.byKey().size()));
    return Collections.unmodifiableSortedMap(counts);
  }
}
