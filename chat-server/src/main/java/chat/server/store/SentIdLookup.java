package chat.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a batch's client ids were already posted, asked only for a batch in which the store found a send it
 * had recorded before: one query per {@link #MAX_KEYS} sends. Compiling the SQL would cost as much as running
 * it, so each query is padded to the next power of two with copies of its last key (which find its row again)
 * and the nine shapes that leaves are prepared once.
 */
final class SentIdLookup {
  /** Three parameters a send, well under SQLite's limit of 32,766 per statement. */
  static final int MAX_KEYS = 256;

  private final SqliteWriteConnection connection;
  private final PreparedStatement[] bySize = new PreparedStatement[Integer.numberOfTrailingZeros(MAX_KEYS) + 1];

  SentIdLookup(SqliteWriteConnection connection) {
    this.connection = connection;
  }

  Map<SendKey, Long> sentIds(Collection<SendKey> sends, long sinceMillis) throws SQLException {
    Map<SendKey, Long> found = new HashMap<>();
    List<SendKey> all = List.copyOf(sends);
    for (int from = 0; from < all.size(); from += MAX_KEYS) {
      lookUp(all.subList(from, Math.min(all.size(), from + MAX_KEYS)), sinceMillis, found);
    }
    return found;
  }

  private void lookUp(List<SendKey> chunk, long sinceMillis, Map<SendKey, Long> found) throws SQLException {
    int shape = 32 - Integer.numberOfLeadingZeros(chunk.size() - 1); // ceil(log2(size))
    PreparedStatement query = statement(shape);
    int index = 1;
    for (int slot = 0; slot < 1 << shape; slot++) {
      SendKey send = chunk.get(Math.min(slot, chunk.size() - 1));
      query.setString(index++, send.room());
      query.setString(index++, send.userKey());
      query.setString(index++, send.clientId());
    }
    query.setLong(index, sinceMillis);
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        found.put(new SendKey(row.getString(1), row.getString(2), row.getString(3)), row.getLong(4));
      }
    }
  }

  /** The query for {@code 2^shape} keys. */
  private PreparedStatement statement(int shape) throws SQLException {
    if (bySize[shape] == null) {
      bySize[shape] = connection.prepare(sql(1 << shape));
    }
    return bySize[shape];
  }

  /**
   * One primary-key seek per key: the keys drive the join, and {@code CROSS JOIN} fixes that order whatever
   * the planner's version. Written as {@code (room, user_key, client_id) IN (VALUES ...)}, SQLite 3.40 scans
   * every send of the window instead.
   */
  static String sql(int keys) {
    return "SELECT s.room, s.user_key, s.client_id, s.id FROM (VALUES "
        + String.join(",", Collections.nCopies(keys, "(?, ?, ?)")) + ") AS k CROSS JOIN sends AS s"
        + " ON s.room = k.column1 AND s.user_key = k.column2 AND s.client_id = k.column3"
        + " WHERE s.created_at >= ?";
  }
}
