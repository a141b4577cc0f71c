package chat.server.store;

import chat.server.room.HeldSeat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One read connection and its prepared queries; used by one thread at a time (see {@link SqliteReaderPool}). */
final class SqliteReader implements AutoCloseable {
  private final Connection connection;
  private final PreparedStatement rooms;
  private final PreparedStatement window;
  private final PreparedStatement seats;
  private final PreparedStatement pruneBounds;
  private final PreparedStatement ageBounds;

  SqliteReader(Connection connection) throws SQLException {
    this.connection = connection;
    // One query for all rooms: the first and last retained ids are seeks into the (room, id) key per room. The
    // last id is the newest message's; last_id only outlives the messages pruning deleted.
    rooms = connection.prepareStatement("SELECT name, epoch, max(last_id, coalesce((SELECT max(id) FROM messages"
        + " WHERE messages.room = rooms.name), 0)), (SELECT min(id) FROM messages WHERE messages.room = rooms.name)"
        + " FROM rooms");
    window = connection.prepareStatement("SELECT id, " + MessageColumns.NAMES + " FROM messages"
        + " WHERE room = ? AND id > ? AND id < ? ORDER BY id DESC LIMIT ?");
    seats = connection.prepareStatement("SELECT room, username, user_key, token_hash, position FROM seats"
        + " ORDER BY position, room, user_key");
    // Per room, the newest id beyond the newest ?1: that one and everything older go.
    pruneBounds = connection.prepareStatement("SELECT name, bound FROM (SELECT name, (SELECT id FROM messages"
        + " WHERE messages.room = rooms.name ORDER BY id DESC LIMIT 1 OFFSET ?1) AS bound FROM rooms)"
        + " WHERE bound IS NOT NULL");
    // Per room, the last id to delete by age: just before its oldest message created at or after ?1 (ids and
    // creation times rise together), or its newest when all are older. Walks only what it will delete.
    ageBounds = connection.prepareStatement("SELECT name, bound FROM (SELECT name, coalesce((SELECT id - 1"
        + " FROM messages WHERE messages.room = rooms.name AND created_at >= ?1 ORDER BY id LIMIT 1),"
        + " (SELECT max(id) FROM messages WHERE messages.room = rooms.name)) AS bound,"
        + " (SELECT min(id) FROM messages WHERE messages.room = rooms.name) AS first FROM rooms)"
        + " WHERE bound >= first");
  }

  Map<String, RoomState> rooms() throws SQLException {
    Map<String, RoomState> result = new LinkedHashMap<>();
    try (ResultSet row = rooms.executeQuery()) {
      while (row.next()) {
        long lastId = row.getLong(3);
        long firstId = row.getObject(4) == null ? lastId + 1 : row.getLong(4);
        result.put(row.getString(1), new RoomState(row.getString(1), row.getString(2), lastId, firstId));
      }
    }
    return result;
  }

  List<StoredMessage> read(String room, long after, long before, int limit) throws SQLException {
    window.setString(1, room);
    window.setLong(2, after);
    window.setLong(3, before);
    window.setInt(4, limit);
    List<StoredMessage> newestFirst = new ArrayList<>();
    try (ResultSet row = window.executeQuery()) {
      while (row.next()) {
        newestFirst.add(new StoredMessage(row.getLong(1), MessageColumns.read(row, 2)));
      }
    }
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  List<HeldSeat> seats() throws SQLException {
    List<HeldSeat> result = new ArrayList<>();
    try (ResultSet row = seats.executeQuery()) {
      while (row.next()) {
        result.add(new HeldSeat(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
            row.getLong(5)));
      }
    }
    return result;
  }

  /** Per room with more than {@code keep} messages, the highest id that pruning to {@code keep} deletes. */
  Map<String, Long> pruneBounds(int keep) throws SQLException {
    pruneBounds.setInt(1, keep);
    return bounds(pruneBounds);
  }

  /** Per room with messages created before {@code cutoffMillis}: the last id to delete. */
  Map<String, Long> ageBounds(long cutoffMillis) throws SQLException {
    ageBounds.setLong(1, cutoffMillis);
    return bounds(ageBounds);
  }

  private static Map<String, Long> bounds(PreparedStatement query) throws SQLException {
    Map<String, Long> result = new LinkedHashMap<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        result.put(row.getString(1), row.getLong(2));
      }
    }
    return result;
  }

  @Override
  public void close() {
    SqliteOpener.closeQuietly(connection);
  }
}
