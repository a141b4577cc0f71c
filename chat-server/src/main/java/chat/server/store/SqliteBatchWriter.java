package chat.server.store;

import chat.server.room.HeldSeat;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a {@link Batch} with statements prepared once on the write connection, each kind of row sent in one
 * JDBC batch; the caller's transaction makes it all or nothing.
 */
final class SqliteBatchWriter {
  private final PreparedStatement forgetOldMessages;
  private final PreparedStatement forgetOldSends;
  private final PreparedStatement upsertRoom;
  private final PreparedStatement insertMessage;
  private final PreparedStatement upsertSend;
  private final PreparedStatement upsertSeat;
  private final PreparedStatement deleteSeat;
  private final List<PreparedStatement> all;

  SqliteBatchWriter(SqliteWriteConnection writer) throws SQLException {
    // A room upserted with another epoch starts a new id sequence: what was numbered in the old one goes.
    forgetOldMessages = writer.prepare("DELETE FROM messages WHERE room = ?1"
        + " AND EXISTS (SELECT 1 FROM rooms WHERE name = ?1 AND epoch <> ?2)");
    forgetOldSends = writer.prepare("DELETE FROM sends WHERE room = ?1"
        + " AND EXISTS (SELECT 1 FROM rooms WHERE name = ?1 AND epoch <> ?2)");
    // Within one epoch last_id only grows; a new epoch takes the log's value.
    upsertRoom = writer.prepare("INSERT INTO rooms (name, epoch, last_id) VALUES (?, ?, ?)"
        + " ON CONFLICT (name) DO UPDATE SET epoch = excluded.epoch, last_id = CASE WHEN epoch = excluded.epoch"
        + " THEN max(last_id, excluded.last_id) ELSE excluded.last_id END");
    insertMessage = writer.prepare("INSERT INTO messages (room, id, " + MessageColumns.NAMES + ")"
        + " VALUES (?, ?" + ", ?".repeat(MessageColumns.COUNT) + ")");
    upsertSend = writer.prepare("INSERT INTO sends (room, user_key, client_id, id, created_at)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (room, user_key, client_id)"
        + " DO UPDATE SET id = excluded.id, created_at = excluded.created_at");
    upsertSeat = writer.prepare("INSERT INTO seats (room, user_key, username, token_hash, position)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (room, user_key) DO UPDATE SET username = excluded.username,"
        + " token_hash = excluded.token_hash, position = excluded.position");
    deleteSeat = writer.prepare("DELETE FROM seats WHERE room = ? AND user_key = ?");
    all = List.of(forgetOldMessages, forgetOldSends, upsertRoom, insertMessage, upsertSend,
        upsertSeat, deleteSeat);
  }

  /** Runs inside a transaction of the write connection. */
  void write(Batch batch) throws SQLException {
    // A batch that failed part-way may have left rows queued on a statement.
    for (PreparedStatement statement : all) {
      statement.clearBatch();
    }
    writeRooms(batch.rooms());
    writeMessages(batch.messages());
    writeSeats(batch.seatsTaken(), batch.seatsFreed());
  }

  private void writeRooms(List<RoomState> rooms) throws SQLException {
    for (RoomState room : rooms) {
      for (PreparedStatement forget : List.of(forgetOldMessages, forgetOldSends)) {
        forget.setString(1, room.room());
        forget.setString(2, room.epoch());
        forget.addBatch();
      }
      upsertRoom.setString(1, room.room());
      upsertRoom.setString(2, room.epoch());
      upsertRoom.setLong(3, room.lastId());
      upsertRoom.addBatch();
    }
    execute(rooms.size(), forgetOldMessages, forgetOldSends, upsertRoom);
  }

  private void writeMessages(List<Batch.Append> messages) throws SQLException {
    int sends = 0;
    for (Batch.Append append : messages) {
      insertMessage.setString(1, append.room());
      insertMessage.setLong(2, append.id());
      MessageColumns.bind(insertMessage, 3, append.message());
      insertMessage.addBatch();
      if (addSend(append)) {
        sends++;
      }
    }
    execute(messages.size(), insertMessage);
    execute(sends, upsertSend);
  }

  /** Records who sent it under which client id, for de-duplicating a retry; notices have neither. */
  private boolean addSend(Batch.Append append) throws SQLException {
    String clientId = append.message().clientId();
    if (clientId == null || append.userKey() == null) {
      return false;
    }
    upsertSend.setString(1, append.room());
    upsertSend.setString(2, append.userKey());
    upsertSend.setString(3, clientId);
    upsertSend.setLong(4, append.id());
    upsertSend.setLong(5, append.message().createdAt());
    upsertSend.addBatch();
    return true;
  }

  private void writeSeats(List<HeldSeat> taken, List<Batch.FreedSeat> freed) throws SQLException {
    for (HeldSeat seat : taken) {
      upsertSeat.setString(1, seat.room());
      upsertSeat.setString(2, seat.userKey());
      upsertSeat.setString(3, seat.username());
      upsertSeat.setString(4, seat.tokenHash());
      upsertSeat.setLong(5, seat.position());
      upsertSeat.addBatch();
    }
    execute(taken.size(), upsertSeat);
    for (Batch.FreedSeat seat : freed) {
      deleteSeat.setString(1, seat.room());
      deleteSeat.setString(2, seat.userKey());
      deleteSeat.addBatch();
    }
    execute(freed.size(), deleteSeat);
  }

  private static void execute(int rows, PreparedStatement... statements) throws SQLException {
    if (rows > 0) {
      for (PreparedStatement statement : statements) {
        statement.executeBatch();
      }
    }
  }
}
