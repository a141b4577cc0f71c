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
  private final PreparedStatement deleteOlder;
  private final PreparedStatement deleteOlderSends;

  SqlitePruner(SqliteWriteConnection writer, SqliteReaderPool readers) throws SQLException {
    this.writer = writer;
    this.readers = readers;
    deleteUpTo = writer.prepare("DELETE FROM messages WHERE room = ?1 AND id IN"
        + " (SELECT id FROM messages WHERE room = ?1 AND id <= ?2 ORDER BY id LIMIT " + CHUNK + ")");
    deleteOlder = writer.prepare("DELETE FROM messages WHERE (room, id) IN"
        + " (SELECT room, id FROM messages WHERE created_at < ? LIMIT " + CHUNK + ")");
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
    Map<String, Long> bounds = readers.read("find what to prune", reader -> reader.pruneBounds(perRoom));
    for (Map.Entry<String, Long> bound : bounds.entrySet()) {
      messages += inChunks("prune room " + bound.getKey(), () -> {
        deleteUpTo.setString(1, bound.getKey());
        deleteUpTo.setLong(2, bound.getValue());
        return deleteUpTo.executeUpdate();
      });
    }
    messages += inChunks("prune old messages", () -> {
      deleteOlder.setLong(1, olderThanMillis);
      return deleteOlder.executeUpdate();
    });
    long sends = inChunks("prune old sends", () -> {
      deleteOlderSends.setLong(1, sendsBeforeMillis);
      return deleteOlderSends.executeUpdate();
    });
    LOG.debug("Pruned {} messages and {} sends in {} ms", messages, sends,
        (System.nanoTime() - started) / 1_000_000);
    return messages;
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
