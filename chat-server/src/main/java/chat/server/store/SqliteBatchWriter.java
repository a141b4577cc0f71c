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
  private final PreparedStatement insertNewSend;
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
    insertNewSend = writer.prepare("INSERT INTO sends (room, user_key, client_id, id, created_at)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (room, user_key, client_id) DO NOTHING");
    upsertSeat = writer.prepare("INSERT INTO seats (room, user_key, username, token_hash, position)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (room, user_key) DO UPDATE SET username = excluded.username,"
        + " token_hash = excluded.token_hash, position = excluded.position");
    deleteSeat = writer.prepare("DELETE FROM seats WHERE room = ? AND user_key = ?");
    all = List.of(forgetOldMessages, forgetOldSends, upsertRoom, insertMessage, upsertSend, insertNewSend,
        upsertSeat, deleteSeat);
  }

  /**
   * Runs inside a transaction of the write connection. With {@code sendsAreNew}, a send recorded before (at any
   * age) is not overwritten: the write stops there and returns false, and the caller rolls it all back.
   */
  boolean write(Batch batch, boolean sendsAreNew) throws SQLException {
    // A batch that failed or stopped part-way may have left rows queued on a statement.
    for (PreparedStatement statement : all) {
      statement.clearBatch();
    }
    writeRooms(batch.rooms());
    if (!writeMessages(batch.messages(), sendsAreNew ? insertNewSend : upsertSend)) {
      return false;
    }
    writeSeats(batch.seatsTaken(), batch.seatsFreed());
    return true;
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

  /** False when {@code recordSend} left a send's row as it was (a conflict it does nothing on). */
  private boolean writeMessages(List<Batch.Append> messages, PreparedStatement recordSend) throws SQLException {
    int sends = 0;
    for (Batch.Append append : messages) {
      insertMessage.setString(1, append.room());
      insertMessage.setLong(2, append.id());
      MessageColumns.bind(insertMessage, 3, append.message());
      insertMessage.addBatch();
      if (addSend(recordSend, append)) {
        sends++;
      }
    }
    execute(messages.size(), insertMessage);
    if (sends > 0) {
      for (int changed : recordSend.executeBatch()) {
        if (changed == 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** Records who sent it under which client id, for de-duplicating a retry; notices have neither. */
  private static boolean addSend(PreparedStatement recordSend, Batch.Append append) throws SQLException {
    SendKey send = append.sendKey();
    if (send == null) {
      return false;
    }
    recordSend.setString(1, send.room());
    recordSend.setString(2, send.userKey());
    recordSend.setString(3, send.clientId());
    recordSend.setLong(4, append.id());
    recordSend.setLong(5, append.message().createdAt());
    recordSend.addBatch();
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
