package chat.server.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what retention no longer keeps, {@link #CHUNK} rows per transaction: between two chunks the write
 * connection is free, so a commit waits for at most one chunk however much there is to delete.
 */
final class SqlitePruner {
  /** Rows per transaction: a few milliseconds of work, including its fsync. */
  static final int CHUNK = 500;

  private static final Logger LOG = LoggerFactory.getLogger(SqlitePruner.class);

  private final SqliteWriteConnection writer;
  private final SqliteReaderPool readers;
  private final PreparedStatement deleteUpTo;
  private final PreparedStatement keepLastIds;
  private final PreparedStatement deleteOlderSends;

  SqlitePruner(SqliteWriteConnection writer, SqliteReaderPool readers) throws SQLException {
    this.writer = writer;
    this.readers = readers;
    deleteUpTo = writer.prepare("DELETE FROM messages WHERE room = ?1 AND id IN"
        + " (SELECT id FROM messages WHERE room = ?1 AND id <= ?2 ORDER BY id LIMIT " + CHUNK + ")");
    // A room's last id is its newest message's (SqliteReader.rooms); before pruning may delete that one,
    // last_id takes it, so that ids are never reused.
    keepLastIds = writer.prepare("UPDATE rooms SET last_id = (SELECT max(id) FROM messages"
        + " WHERE messages.room = rooms.name) WHERE last_id < (SELECT max(id) FROM messages"
        + " WHERE messages.room = rooms.name)");
    deleteOlderSends = writer.prepare("DELETE FROM sends WHERE (room, user_key, client_id) IN"
        + " (SELECT room, user_key, client_id FROM sends WHERE created_at < ? LIMIT " + CHUNK + ")");
  }

  long prune(int perRoom, long olderThanMillis, long sendsBeforeMillis) throws StoreException {
    if (perRoom < 0) {
      throw new IllegalArgumentException("perRoom must be at least 0, was " + perRoom);
    }
    long started = System.nanoTime();
    long messages = 0;
    // Read outside the write connection: commits after this only add newer ids, so each bound stays right.
    Map<String, Long> over = readers.read("find what to prune", reader -> reader.pruneBounds(perRoom));
    Map<String, Long> old = readers.read("find old messages", reader -> reader.ageBounds(olderThanMillis));
    if (!over.isEmpty() || !old.isEmpty()) {
      writer.transaction("keep the last ids", keepLastIds::executeUpdate);
      messages += deleteUpTo(over) + deleteUpTo(old);
    }
    long sends = inChunks("prune old sends", () -> {
      deleteOlderSends.setLong(1, sendsBeforeMillis);
      return deleteOlderSends.executeUpdate();
    });
    LOG.debug("Pruned {} messages and {} sends in {} ms", messages, sends,
        (System.nanoTime() - started) / 1_000_000);
    return messages;
  }

  /** Deletes, room by room, every message up to its bound. */
  private long deleteUpTo(Map<String, Long> bounds) throws StoreException {
    long deleted = 0;
    for (Map.Entry<String, Long> bound : bounds.entrySet()) {
      deleted += inChunks("prune room " + bound.getKey(), () -> {
        deleteUpTo.setString(1, bound.getKey());
        deleteUpTo.setLong(2, bound.getValue());
        return deleteUpTo.executeUpdate();
      });
    }
    return deleted;
  }

  /** Repeats {@code chunk} (a delete of up to {@link #CHUNK} rows) until it deletes fewer. */
  private long inChunks(String what, SqliteWriteConnection.Work<Integer> chunk) throws StoreException {
    long total = 0;
    int deleted;
    do {
      deleted = writer.transaction(what, chunk);
      total += deleted;
    } while (deleted == CHUNK);
    return total;
  }
}
